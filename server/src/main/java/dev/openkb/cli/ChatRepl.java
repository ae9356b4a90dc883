package dev.openkb.cli;

import dev.openkb.add.AddReport;
import dev.openkb.chat.ChatSession;
import dev.openkb.chat.ChatStore;
import dev.openkb.chat.ChatTranscript;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.KbException;
import dev.openkb.engine.VisibleText;
import dev.openkb.kb.RegistryEntry;
import dev.openkb.lint.LintReport;
import dev.openkb.lint.LintState;
import dev.openkb.service.KbService;
import dev.openkb.service.StatusReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The {@code openkb chat} loop: reads a line, answers a question (streamed as it comes) or runs a slash
 * command, and keeps the session file current after every turn. Input comes from a {@link ChatInput} (JLine on
 * a terminal, plain lines from a pipe), so the loop is the same both ways.
 *
 * <p>Threading: one thread (the command's) runs the loop; the asker may stream from another, writing through
 * the synchronized {@link PrintWriter}. Ctrl-C while an answer streams cancels that answer only (through
 * {@code cancelCurrent}, set on the loop thread, read by the signal handler).
 */
final class ChatRepl {
    static final String HELP = """
            Commands:
              /exit          Exit (Ctrl-D also works)
              /clear         Start a fresh session (the current one is kept on disk)
              /save [name]   Save the transcript to wiki/explorations/
              /status        Show the knowledge base's status
              /list          List the documents in the knowledge base
              /lint          Lint the knowledge base
              /add <path>    Add a file or folder to the knowledge base
              /help          Show this""";

    /** One question to the KB: the answer's text streams to {@code onChunk}; the result is the whole answer. */
    interface Asker {
        Answer ask(String question, Consumer<String> onChunk, CancelToken cancel);
    }

    /** An answer and the pages it cites ({@code summaries/paper}). */
    record Answer(String text, List<String> sources) {
    }

    private final KbService kb;
    private final ChatStore store;
    private final Asker asker;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Terminal terminal;
    private final AtomicReference<CancelToken> current = new AtomicReference<>();
    private ChatSession session;

    ChatRepl(KbService kb, ChatStore store, ChatSession session, Asker asker, PrintWriter out, PrintWriter err, Terminal terminal) {
        this.kb = kb;
        this.store = store;
        this.session = session;
        this.asker = asker;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    ChatSession session() {
        return session;
    }

    /** Ctrl-C while an answer is written (or an /add runs): stops it. Called from a signal thread. */
    void interruptAnswer() {
        CancelToken c = current.get();
        if (c != null) {
            c.cancel();
        }
    }

    void header() {
        out.println("OpenKB Chat");
        out.println(VisibleText.escape(kb.layout().root().toString()) + " · " + session.model() + " · session " + session.id());
        out.println("Type /help for commands, Ctrl-D to exit" + (terminal.interactive() ? ", Ctrl-C to stop an answer." : "."));
        if (session.turnCount() > 0) {
            resumeView();
        }
        out.flush();
    }

    /** Runs until /exit or the end of input. */
    void run(ChatInput input) throws IOException {
        while (true) {
            String line = input.readLine(">>> ");
            if (line == null) {
                out.println("Bye.");
                out.flush();
                return;
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("/")) {
                if (!slash(line)) {
                    return;
                }
            } else {
                turn(line);
            }
            out.flush();
        }
    }

    private void turn(String question) {
        CancelToken cancel = new CancelToken();
        current.set(cancel);
        StringBuilder streamed = new StringBuilder();
        try {
            out.println();
            Answer a = asker.ask(question, chunk -> {
                streamed.append(chunk);
                out.print(VisibleText.escapeKeepingNewlines(chunk));
                out.flush();
            }, cancel);
            if (streamed.isEmpty()) {
                out.print(VisibleText.escapeKeepingNewlines(a.text()));
            }
            out.println();
            if (!a.sources().isEmpty()) {
                out.println();
                out.println("Sources: " + String.join(", ", a.sources().stream().map(VisibleText::escape).toList()));
            }
            out.println();
            session = session.withTurn(question, a.text().strip(), store.now());
            store.save(session);
        } catch (KbException e) {
            out.println();
            if (cancel.isCancelled()) {
                out.println("[stopped]");
            } else {
                err.println("[ERROR] " + VisibleText.escapeKeepingNewlines(e.getMessage()));
            }
        } finally {
            current.set(null);
        }
    }

    /** A slash command; false ends the chat. */
    private boolean slash(String line) {
        String[] parts = line.split("\\s+", 2);
        String head = parts[0].toLowerCase(java.util.Locale.ROOT);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        try {
            switch (head) {
                case "/exit", "/quit" -> {
                    out.println("Bye.");
                    return false;
                }
                case "/help" -> out.println(HELP);
                case "/clear" -> {
                    String previous = session.id();
                    session = store.create(session.model(), session.language());
                    out.println("Started a new session " + session.id() + " (previous: " + previous + ")");
                }
                case "/save" -> save(arg);
                case "/status" -> status();
                case "/list" -> list();
                case "/lint" -> lint();
                case "/add" -> add(arg);
                default -> out.println("Unknown command: " + VisibleText.escape(head) + ". Try /help.");
            }
        } catch (KbException e) {
            err.println("[ERROR] " + VisibleText.escapeKeepingNewlines(e.getMessage()));
        }
        return true;
    }

    private void save(String name) {
        if (session.userTurns().isEmpty()) {
            out.println("Nothing to save yet.");
            return;
        }
        Path written = kb.saveChat(session, name.isEmpty() ? null : name, CancelToken.none());
        out.println("Saved to " + VisibleText.escape(written.toString()));
    }

    private void status() {
        StatusReport s = kb.status(CancelToken.none());
        out.println("Knowledge base: " + VisibleText.escape(s.kb().toString()));
        out.println("Model: " + s.model());
        s.pages().forEach((dir, n) -> out.printf("  %-10s %d%n", dir + ":", n));
        out.println("Total indexed: " + s.documents() + " document(s)");
        out.println("Session: " + session.id() + ", " + session.turnCount() + " turn(s)");
    }

    private void list() {
        List<RegistryEntry> docs = kb.documents(CancelToken.none());
        if (docs.isEmpty()) {
            out.println("No documents yet. Add some with /add <path>.");
            return;
        }
        out.println("Documents (" + docs.size() + "):");
        for (RegistryEntry d : docs) {
            out.println("  " + VisibleText.escape(d.name()) + "  (" + VisibleText.escape(d.type()) + ")");
        }
    }

    private void lint() {
        LintState state = kb.lint(CancelToken.none());
        out.println(VisibleText.escapeKeepingNewlines(LintReport.text(state)));
    }

    private void add(String arg) {
        if (arg.isEmpty()) {
            out.println("Usage: /add <path>");
            return;
        }
        Path path = Path.of(arg.startsWith("~/") ? System.getProperty("user.home") + arg.substring(1) : arg).toAbsolutePath();
        CliProgress progress = new CliProgress(out, terminal);
        CancelToken cancel = new CancelToken();
        current.set(cancel);
        try {
            AddReport r = kb.add(List.of(path), null, progress, cancel);
            out.flush();
            r.passedOver().forEach(s -> err.println("[SKIP] " + VisibleText.escape(s.path().toString()) + ": " + VisibleText.escape(s.reason())));
            if (r.stoppedReason() != null) {
                err.println("[ERROR] " + VisibleText.escapeKeepingNewlines(r.stoppedReason()));
            }
            err.flush();
            progress.summary(r.summary());
        } catch (IOException e) {
            err.println("[ERROR] " + VisibleText.escapeKeepingNewlines(KbException.fromIo(e).getMessage()));
        } finally {
            current.set(null);
        }
    }

    /** The last five turns of a resumed session, shortened, as OpenKB shows them. */
    private void resumeView() {
        List<String> questions = session.userTurns();
        List<String> answers = session.assistantTexts();
        int total = Math.min(questions.size(), answers.size());
        int from = Math.max(0, total - 5);
        if (from > 0) {
            out.println("... " + from + " earlier turn(s) omitted");
        }
        out.println("Resumed session, " + total + " turn(s)");
        for (int i = from; i < total; i++) {
            out.println("[" + (i + 1) + "] >>> " + VisibleText.escape(oneLine(questions.get(i), 200)));
            if (!answers.get(i).isEmpty()) {
                out.println("[" + (i + 1) + "]     " + VisibleText.escape(oneLine(answers.get(i), 180)));
            }
        }
        out.println();
    }

    private static String oneLine(String s, int limit) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() <= limit ? t : t.substring(0, limit - 1) + "…";
    }
}
