package dev.openkb.client.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.client.connection.AddOperation;
import dev.openkb.client.connection.Failures;
import dev.openkb.client.connection.OpenKbClient;
import dev.openkb.client.connection.ServerUnavailableException;
import dev.openkb.client.connection.ClientConfig;
import dev.openkb.client.launch.ClientSetupException;
import dev.openkb.client.launch.LaunchCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process dies under the client (killed like the OOM killer would): pending requests fail with a
 * clear message, the server is restarted, and after too many crashes the client gives up until restarted by hand.
 */
class CrashAndRestartTest {
    @TempDir
    Path workspace;

    private static final long WAIT = RealServer.WAIT.toSeconds();

    private static void kill(long pid) {
        ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid)).destroyForcibly();
    }

    @Test
    void aKilledServerFailsThePendingAddWithACrashReportAndIsRestarted() throws Exception {
        RecordingEvents events = new RecordingEvents();
        try (OpenKbClient client = RealServer.client(workspace, events)) {
            Path kb = KbFixture.init(client, workspace.resolve("kb"));
            assertFalse(RecordingEvents.next(events.starts, RealServer.WAIT, "start"));
            long firstPid = client.serverPid();
            KbFixture.notes(workspace.resolve("inbox"), 60);
            AddOverLspTest.Progress progress = new AddOverLspTest.Progress();
            AddOperation op = client.add(List.of(workspace.resolve("inbox")), kb, 1, progress);
            assertTrue(progress.first.await(WAIT, TimeUnit.SECONDS));

            kill(firstPid);

            ExecutionException e = assertThrows(ExecutionException.class, () -> op.result().get(WAIT, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof ServerUnavailableException, e.toString());
            assertTrue(Failures.describe(e).startsWith("The OpenKB server stopped unexpectedly (exit code 137)"),
                    Failures.describe(e));
            RecordingEvents.Crash crash = RecordingEvents.next(events.crashes, RealServer.WAIT, "crash report");
            assertTrue(crash.restarting());
            assertTrue(crash.message().contains("exit code 137") && crash.message().endsWith("Restarting it."), crash.message());

            assertTrue(RecordingEvents.next(events.starts, RealServer.WAIT, "restart"), "the second start is a restart");
            assertNotEquals(firstPid, client.serverPid());
            assertEquals(OpenKbClient.State.RUNNING, client.state());
            // The new server recovered whatever the killed add left and answers as usual.
            int docs = client.status(kb).get(WAIT, TimeUnit.SECONDS).documents();
            assertTrue(docs >= 0 && docs < 60, "documents " + docs);
            assertEquals(0, client.status(kb).get(WAIT, TimeUnit.SECONDS).pendingJournals());
        }
    }

    @Test
    void afterTooManyCrashesTheClientGivesUpUntilRestartedByHand() throws Exception {
        RecordingEvents events = new RecordingEvents();
        try (OpenKbClient client = RealServer.client(workspace, events, RealServer.policy(2))) {
            client.start().get(WAIT, TimeUnit.SECONDS);
            assertFalse(RecordingEvents.next(events.starts, RealServer.WAIT, "start"));
            kill(client.serverPid());
            assertTrue(RecordingEvents.next(events.crashes, RealServer.WAIT, "first crash").restarting());
            assertTrue(RecordingEvents.next(events.starts, RealServer.WAIT, "restart"));

            kill(client.serverPid());
            RecordingEvents.Crash second = RecordingEvents.next(events.crashes, RealServer.WAIT, "second crash");
            assertFalse(second.restarting());
            assertTrue(second.message().contains("stopped 2 times within 10 minutes, so it is not restarted again"),
                    second.message());
            assertEquals(OpenKbClient.State.FAILED, client.state());
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> client.status(null).get(WAIT, TimeUnit.SECONDS));
            assertTrue(Failures.describe(e).contains("not restarted again"), Failures.describe(e));

            client.restart().get(WAIT, TimeUnit.SECONDS);
            assertEquals(OpenKbClient.State.RUNNING, client.state());
        }
    }

    @Test
    void aJarThatIsNotTheServerFailsToStartWithItsOwnError() throws Exception {
        Path notServer = workspace.resolve("empty.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0"); // a real jar, but no Main-Class
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(notServer), manifest)) {
            jar.putNextEntry(new JarEntry("readme.txt"));
            jar.write("not a server".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        RecordingEvents events = new RecordingEvents();
        ClientConfig config = ClientConfig.of(() -> new LaunchCommand(
                List.of(RealServer.java().toString(), "-jar", notServer.toString(), "lsp"), workspace), workspace, "t");
        try (OpenKbClient client = new OpenKbClient(config, events)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> client.start().get(WAIT, TimeUnit.SECONDS));
            String message = Failures.describe(e);
            assertTrue(message.startsWith("The OpenKB server stopped unexpectedly (exit code 1)"), message);
            assertTrue(message.contains("no main manifest attribute"), message);
            assertEquals(message, RecordingEvents.next(events.startFailures, RealServer.WAIT, "start failure"));
            assertEquals(OpenKbClient.State.FAILED, client.state());
        }
    }

    @Test
    void aSetupProblemIsReportedAndRetriedOnTheNextRequest() throws Exception {
        RecordingEvents events = new RecordingEvents();
        AtomicBoolean fixed = new AtomicBoolean();
        ClientConfig config = ClientConfig.of(() -> {
            if (!fixed.get()) {
                throw new ClientSetupException("The setting 'Java path' is '/nowhere', but no such file exists.");
            }
            return RealServer.command(workspace);
        }, workspace, "t");
        try (OpenKbClient client = new OpenKbClient(config, events)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> client.start().get(WAIT, TimeUnit.SECONDS));
            assertEquals("The setting 'Java path' is '/nowhere', but no such file exists.", Failures.describe(e));
            fixed.set(true);
            client.start().get(WAIT, TimeUnit.SECONDS);
            assertEquals(OpenKbClient.State.RUNNING, client.state());
        }
    }
}
