package dev.openkb.client.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Builds a folder with a {@code bin/java} script that prints a given {@code -version} text, like a real JDK. */
final class FakeJdk {
    private FakeJdk() {
    }

    static Path create(Path dir, String versionLine) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '" + versionLine + "' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    static Path ofVersion(Path dir, String version) throws IOException {
        return create(dir, "openjdk version \"" + version + "\" 2025-01-01");
    }
}
