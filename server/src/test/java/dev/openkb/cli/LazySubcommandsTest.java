package dev.openkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A command line that names a subcommand builds only that subcommand's model (start-up: picocli
 * builds each by reflection), and behaves exactly as it does in the whole tree.
 */
class LazySubcommandsTest {
    @Test
    void everyRegisteredNameIsTheCommandsOwnName() {
        CommandLine all = Main.commandLine(new Main(Map.of(), Terminal.PLAIN));
        assertEquals(17, all.getSubcommands().size());
        all.getSubcommands().forEach((name, sub) ->
                assertEquals(name, sub.getCommandSpec().userObject().getClass().getAnnotation(Command.class).name()));
    }

    @Test
    void onlyTheNamedSubcommandIsBuiltUnlessItLooksAtTheOthers() {
        assertEquals("lint", Main.soleSubcommand(new String[] {"lint", "--kb", "x"}));
        assertEquals(Set.of("lint"), Main.commandLine(new Main(Map.of(), Terminal.PLAIN), "lint").getSubcommands().keySet());
        for (String[] args : List.of(new String[0], new String[] {"help", "lint"}, new String[] {"completion", "bash"},
                new String[] {"--version"}, new String[] {"lnit"}, new String[] {"-h", "lint"})) {
            assertNull(Main.soleSubcommand(args), String.join(" ", args));
        }
    }

    @Test
    void aSubcommandAloneAnswersAsInTheWholeTree() {
        for (String[] args : List.of(new String[] {"lint", "--bogus"}, new String[] {"lint", "-h"},
                new String[] {"lint", "--format", "xml"}, new String[] {"status", "--help"}, new String[] {"add"},
                new String[] {"rename", "a"})) {
            assertEquals(execute(null, args), execute(args[0], args), String.join(" ", args));
        }
    }

    private static List<String> execute(String only, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new Main(Map.of(), Terminal.PLAIN), only);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return List.of(String.valueOf(code), out.toString(), err.toString());
    }
}
