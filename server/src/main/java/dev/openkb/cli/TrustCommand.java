package dev.openkb.cli;

import dev.openkb.compile.Compilers;
import dev.openkb.compile.llm.LlmEndpoint;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import dev.openkb.trust.Approval;
import dev.openkb.trust.ApprovalStore;
import dev.openkb.trust.EndpointGate;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code openkb trust}: the user's approval of a KB's LLM endpoint. There is no prompt — running the
 * command is the approval — and it is recorded in the user's config folder, never in the KB.
 */
@Command(name = "trust", description = {
        "Approve the knowledge base's LLM endpoint (base_url in .openkb/config.yaml) to receive your API key and the documents you add.",
        "Running it is the approval; it is stored in approvals.json in your config folder ($OPENKB_CONFIG_HOME, else $XDG_CONFIG_HOME/openkb, else ~/.config/openkb),",
        "for this KB folder and this exact endpoint: a changed base_url needs approval again. Provider default endpoints need none."})
final class TrustCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    KbOptions kb;

    @Option(names = "--list", description = "List every approval (all KBs) instead of approving.")
    boolean list;

    @Option(names = "--revoke", description = "Withdraw every approval for this KB instead of approving.")
    boolean revoke;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list && revoke) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null, "--list and --revoke cannot be combined");
        }
        EndpointGate gate = new EndpointGate(ApprovalStore.forUser(main.env()));
        if (list) {
            List<Approval> all = gate.store().list();
            if (all.isEmpty()) {
                out.println("No endpoint approvals (" + gate.store().file() + ").");
            }
            all.forEach(a -> out.println(a.endpoint() + "  for  " + a.kb() + "  (approved " + a.approvedAt() + ")"));
            return Main.OK;
        }
        KbLayout layout = kb.layout();
        if (revoke) {
            List<Approval> removed = gate.store().revoke(layout.root());
            out.println(removed.isEmpty() ? "No approvals to revoke for the knowledge base at " + layout.root() + "."
                    : "Revoked " + removed.size() + " approval(s) for the knowledge base at " + removed.get(0).kb() + ": "
                    + String.join(", ", removed.stream().map(Approval::endpoint).toList()));
            return Main.OK;
        }
        KbConfig config = KbConfig.load(layout.config());
        Optional<LlmEndpoint> endpoint = Compilers.endpoint(config, layout);
        if (endpoint.isEmpty()) {
            out.println("The knowledge base at " + layout.root() + " compiles offline (model: " + config.model()
                    + "); it sends nothing anywhere, so there is nothing to approve.");
            return Main.OK;
        }
        if (endpoint.get().providerDefault()) {
            out.println(endpoint.get().endpoint().url() + " is the provider's own endpoint for model " + config.model()
                    + "; it needs no approval.");
            return Main.OK;
        }
        Approval a = gate.approve(layout.root(), endpoint.get().endpoint());
        out.println("Approved " + a.endpoint() + " for the knowledge base at " + a.kb()
                + ": your API key and the documents you add will be sent there.");
        out.println("Undo with: openkb trust --revoke --kb " + a.kb());
        return Main.OK;
    }
}
