package dev.openkb.cli;

import dev.openkb.compile.Compilers;
import dev.openkb.compile.llm.LlmEndpoint;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import dev.openkb.service.OpenKb;
import dev.openkb.trust.ApprovalStore;
import dev.openkb.trust.Endpoint;
import dev.openkb.trust.EndpointGate;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", description = "Create a knowledge base in DIR (default: the current folder).")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder to create the KB in (created if needed).")
    Path dir;

    @Option(names = {"-m", "--model"}, defaultValue = "offline",
            description = "Compiler model: 'offline' (default, no network) or a provider/model such as gpt-5.4 or anthropic/claude-sonnet-4-6.")
    String model;

    @Option(names = {"-l", "--language"}, defaultValue = "en", description = "Language of generated pages (default: en).")
    String language;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The model API's root (Ollama, LM Studio, vLLM, OpenRouter...), written as base_url. You typed it, so it is approved for this KB (see `openkb trust`).")
    String baseUrl;

    @Override
    public Integer call() throws Exception {
        Path target = dir == null ? Path.of("").toAbsolutePath() : dir.toAbsolutePath();
        String base = baseUrl == null ? null : checked(baseUrl);
        try (OpenKb engine = new OpenKb(w -> spec.commandLine().getErr().println(w))) {
            KbLayout l = engine.init(target, model, language, base);
            spec.commandLine().getOut().println("Initialized knowledge base at " + l.root() + " (model: " + model + ")");
            if (base != null) {
                approve(l, base);
            }
        }
        return Main.OK;
    }

    /** The URL as given, refused before anything is created when it could never be used. */
    private static String checked(String url) {
        try {
            Endpoint e = Endpoint.parse(url);
            if (!e.transportAllowed()) {
                throw new KbException(ErrorCode.INVALID_ARGUMENT, null, "--base-url " + e.url()
                        + ": plain http:// is allowed only to this machine (localhost, 127.0.0.0/8, ::1); use https://");
            }
            return url.strip();
        } catch (IllegalArgumentException e) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null, "--base-url: " + e.getMessage());
        }
    }

    /** The user typed the URL, which is the approval `openkb trust` would record. */
    private void approve(KbLayout l, String base) {
        // An offline KB has no endpoint yet; approving the typed URL means a later switch to a model needs no trust step.
        LlmEndpoint endpoint = Compilers.endpoint(KbConfig.load(l.config()), l).orElse(new LlmEndpoint(Endpoint.parse(base), false));
        if (!endpoint.providerDefault()) {
            new EndpointGate(ApprovalStore.forUser(main.env())).approve(l.root(), endpoint.endpoint());
            spec.commandLine().getOut().println("Approved " + endpoint.endpoint().url()
                    + " to receive your API key and documents for this KB.");
        }
    }
}
