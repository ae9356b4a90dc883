package dev.openkb.client.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.client.progress.AddProgress;
import dev.openkb.client.progress.ProgressLine;
import dev.openkb.client.protocol.FileProgress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

class ProgressRouterTest {
    /** Records what one add was told. */
    static final class Recorder implements AddListener {
        final List<String> lines = new ArrayList<>();
        final List<String> workDone = new ArrayList<>();

        @Override
        public void fileProgress(FileProgress event, ProgressLine line) {
            lines.add(line.text());
        }

        @Override
        public void workDone(String message, Integer percentage) {
            workDone.add(message + " " + percentage);
        }
    }

    private static FileProgress ev(String uri) {
        return new FileProgress(uri, null, 1, 1, "hashing", null, null, 5, "1/1 hashing " + uri.substring(uri.lastIndexOf('/') + 1), "0 added");
    }

    @Test
    void fileEventsGoToTheAddWhoseFolderHoldsTheFile() {
        ProgressRouter router = new ProgressRouter();
        Recorder docs = new Recorder();
        Recorder papers = new Recorder();
        router.register("t1", List.of(Path.of("/in/docs")), new AddProgress(), docs);
        router.register("t2", List.of(Path.of("/in/papers/p.pdf")), new AddProgress(), papers);

        router.fileProgress(ev("file:///in/docs/sub/a.md"));
        router.fileProgress(ev("file:///in/papers/p.pdf"));
        router.fileProgress(ev("file:///elsewhere/x.md"));

        assertEquals(List.of("1/1 hashing a.md"), docs.lines);
        assertEquals(List.of("1/1 hashing p.pdf"), papers.lines);
    }

    @Test
    void withOneAddRunningUnmatchedFilesStillReachIt() {
        ProgressRouter router = new ProgressRouter();
        Recorder only = new Recorder();
        router.register("t", List.of(Path.of("/link/docs")), new AddProgress(), only);
        router.fileProgress(ev("file:///real/docs/a.md"));
        assertEquals(1, only.lines.size());

        router.unregister("t");
        router.fileProgress(ev("file:///real/docs/b.md"));
        assertEquals(1, only.lines.size());
    }

    @Test
    void workDoneProgressGoesByToken() {
        ProgressRouter router = new ProgressRouter();
        Recorder mine = new Recorder();
        router.register("mine", List.of(Path.of("/in")), new AddProgress(), mine);
        WorkDoneProgressReport report = new WorkDoneProgressReport();
        report.setMessage("2/5 a.md");
        report.setPercentage(40);
        router.workDone(new ProgressParams(Either.forLeft("mine"), Either.forLeft(report)));
        router.workDone(new ProgressParams(Either.forLeft("other"), Either.forLeft(report)));
        assertEquals(List.of("2/5 a.md 40"), mine.workDone);
        assertTrue(mine.lines.isEmpty());
    }

    @Test
    void answerPiecesGoToTheQuestionOfTheirTokenAndNothingElseReachesIt() {
        ProgressRouter router = new ProgressRouter();
        List<String> pieces = new ArrayList<>();
        Recorder add = new Recorder();
        router.register("add", List.of(Path.of("/in")), new AddProgress(), add);
        router.registerAnswer("q", pieces::add);

        router.workDone(partial("q", "{\"chunk\":\"Attention \"}"));
        router.workDone(partial("q", "{\"chunk\":\"weighs tokens.\"}"));
        router.workDone(partial("q", "{\"chunk\":\"\"}"));
        router.workDone(partial("q", "{\"chunk\":42}"));
        router.workDone(partial("q", "{\"other\":\"x\"}"));
        router.workDone(partial("add", "{\"chunk\":\"not for the add\"}"));
        router.unregisterAnswer("q");
        router.workDone(partial("q", "{\"chunk\":\"too late\"}"));

        assertEquals(List.of("Attention ", "weighs tokens."), pieces);
        assertEquals(List.of("null null"), add.workDone, "the add's token gets its own (message-less) report only");
    }

    private static ProgressParams partial(String token, String json) {
        return new ProgressParams(Either.forLeft(token), Either.forRight(com.google.gson.JsonParser.parseString(json)));
    }
}
