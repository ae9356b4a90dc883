package dev.openkb.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code openkb completion bash|zsh|fish}: prints a completion script for the shell, generated from
 * the command tree so it never lags behind it. bash and zsh share picocli's script (zsh runs it
 * through bashcompinit, which the script loads itself); fish gets {@link FishCompletion}'s.
 */
@Command(name = "completion", description = {"Print a shell completion script.",
        "bash: source <(openkb completion bash)   zsh: source <(openkb completion zsh)",
        "fish: openkb completion fish > ~/.config/fish/completions/openkb.fish"})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh, fish }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
    Shell shell;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String script = shell == Shell.fish ? FishCompletion.script(root.getCommandSpec())
                : AutoComplete.bash(root.getCommandName(), root);
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
