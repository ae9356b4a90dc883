package dev.openkb.cli;

import dev.openkb.chat.ChatSession;
import dev.openkb.chat.ChatStore;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.engine.VisibleText;
import dev.openkb.query.QueryAnswer;
import dev.openkb.query.QueryEngine;
import dev.openkb.query.QuerySource;
import dev.openkb.service.KbService;
import dev.openkb.service.OpenKb;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code openkb chat}: questions and answers in a loop, kept as an OpenKB session in
 * {@code .openkb/chats/<id>.json}. Each question is answered like {@code openkb query} (offline: retrieved
 * passages; with a model: a written answer) and logged as a {@code query} entry under the KB lock. On a
 * terminal it reads with JLine; from a pipe it reads plain lines and prints no prompt.
 */
@Command(name = "chat", description = "Ask the knowledge base questions in a loop; sessions are kept in .openkb/chats/.")
final class ChatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KbOptions kb;

    @Option(names = {"-r", "--resume"}, arity = "0..1", paramLabel = "ID", fallbackValue = "",
            description = "Resume a session: the newest without ID, else by its id or a unique prefix of it.")
    String resume;

    @Option(names = "--list", description = "List the sessions, newest first, and exit.")
    boolean list;

    @Option(names = "--delete", paramLabel = "ID", description = "Delete a session and exit.")
    String delete;

    @Option(names = "--no-color", description = "Accepted for OpenKB compatibility (the output has no colour).")
    boolean noColor;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (OpenKb engine = kb.engine(err, w -> err.println("[WARN] " + w))) {
            KbService svc = engine.kb(kb.layout());
            ChatStore store = svc.chats();
            if (list) {
                List<ChatStore.Entry> sessions = store.list();
                if (sessions.isEmpty()) {
                    out.println("No chat sessions.");
                }
                for (ChatStore.Entry s : sessions) {
                    out.println(s.id() + "  " + s.turnCount() + " turn(s)  " + s.updatedAt() + "  " + VisibleText.escape(s.title()));
                }
                return Main.OK;
            }
            if (delete != null) {
                if (!store.delete(delete)) {
                    throw new KbException(ErrorCode.NOT_FOUND, store.chatsDir(), "no chat session " + delete + " (openkb chat --list shows them)");
                }
                out.println("Deleted session " + delete + ".");
                return Main.OK;
            }
            ChatSession session;
            if (resume != null) {
                String id = store.resolve(resume).orElseThrow(() -> new KbException(ErrorCode.NOT_FOUND, store.chatsDir(),
                        resume.isEmpty() ? "there is no chat session to resume" : "no chat session matches " + resume + " (openkb chat --list shows them)"));
                session = store.load(id);
            } else {
                session = store.create(svc.config().model(), svc.config().language());
            }
            Terminal terminal = ((Main) spec.root().userObject()).terminal();
            boolean interactive = terminal.interactive() && Terminal.stdinIsTerminal();
            ChatRepl repl = new ChatRepl(svc, store, session, asker(svc), out, err, terminal);
            repl.header();
            // Ctrl-C while an answer is written stops that answer; at the prompt JLine reads it as a key and
            // the chat ends. From a pipe there is no one to press it: the default (the process ends) stands,
            // and the session on disk has every finished turn.
            try (ChatInput input = interactive ? ChatInput.terminal(repl::interruptAnswer) : ChatInput.plain(System.in)) {
                repl.run(input);
            }
            return Main.OK;
        }
    }

    /** Each turn is answered and logged like {@code openkb query} (the log entry is written under the lock). */
    private static ChatRepl.Asker asker(KbService svc) {
        return (question, onChunk, cancel) -> {
            QueryAnswer a = svc.queries().ask(question, QueryEngine.DEFAULT_TOP, false, onChunk::accept, cancel).answer();
            return new ChatRepl.Answer(a.answer(), a.sources().stream().map(QuerySource::page).toList());
        };
    }
}
