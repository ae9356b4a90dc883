package dev.openkb.client.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.client.connection.ClientConfig;
import dev.openkb.client.connection.OpenKbClient;
import dev.openkb.client.connection.RestartPolicy;
import dev.openkb.client.launch.JavaRuntime;
import dev.openkb.client.launch.LaunchCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The real server jar the build produced ({@code server/target/openkb.jar}, located by the surefire property
 * {@code openkb.server.jar}), and clients started on it with the Java running the tests.
 */
final class RealServer {
    static final Duration WAIT = Duration.ofSeconds(60);

    private RealServer() {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("openkb.server.jar", "../../server/target/openkb.jar")).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(jar), "the server jar " + jar + " is missing: build it first "
                + "(mvn -pl intellij-plugin/client-core -am verify, or mvn -pl server package -DskipTests)");
        return jar;
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static LaunchCommand command(Path workspace) {
        return LaunchCommand.forServer(new JavaRuntime(java(), Runtime.version().feature(), "test JVM"), jar(), workspace);
    }

    static OpenKbClient client(Path workspace, RecordingEvents events) {
        return client(workspace, events, RestartPolicy.standard());
    }

    static OpenKbClient client(Path workspace, RecordingEvents events, RestartPolicy policy) {
        ClientConfig config = ClientConfig.of(() -> command(workspace), workspace, "openkb-client-core tests")
                .withRestartPolicy(policy);
        return new OpenKbClient(config, events);
    }

    static RestartPolicy policy(int maxCrashes) {
        return new RestartPolicy(maxCrashes, Duration.ofMinutes(10), Clock.systemUTC());
    }
}
