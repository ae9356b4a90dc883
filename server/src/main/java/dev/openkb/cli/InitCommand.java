package dev.openkb.cli;

import dev.openkb.kb.KbLayout;
import dev.openkb.service.OpenKb;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", description = "Create a knowledge base in DIR (default: the current folder).")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder to create the KB in (created if needed).")
    Path dir;

    @Option(names = {"-m", "--model"}, defaultValue = "offline",
            description = "Compiler model: 'offline' (default, no network) or a provider/model such as gpt-5.4 or anthropic/claude-sonnet-4-6.")
    String model;

    @Option(names = {"-l", "--language"}, defaultValue = "en", description = "Language of generated pages (default: en).")
    String language;

    @Override
    public Integer call() throws Exception {
        Path target = dir == null ? Path.of("").toAbsolutePath() : dir.toAbsolutePath();
        try (OpenKb engine = new OpenKb(w -> spec.commandLine().getErr().println(w))) {
            KbLayout l = engine.init(target, model, language);
            spec.commandLine().getOut().println("Initialized knowledge base at " + l.root() + " (model: " + model + ")");
        }
        return Main.OK;
    }
}
