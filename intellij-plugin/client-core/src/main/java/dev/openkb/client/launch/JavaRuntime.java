package dev.openkb.client.launch;

import java.nio.file.Path;

/**
 * A Java that can run the server.
 *
 * @param executable the {@code java} binary
 * @param major      its major version (17 or newer)
 * @param origin     where it was found, for messages: "setting 'Java path'", "JAVA_HOME", "PATH", "IDE runtime"
 */
public record JavaRuntime(Path executable, int major, String origin) {
}
