package dev.openkb.client.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerJarLocatorTest {
    @TempDir
    Path tmp;

    private Path jar(String name) throws IOException {
        Path p = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes());
            zip.closeEntry();
        }
        return p;
    }

    @Test
    void theSettingWinsWhenItIsAJar() throws Exception {
        Path configured = jar("mine.jar");
        Path bundled = jar("bundled.jar");
        assertEquals(configured, ServerJarLocator.locate(configured.toString(), List.of(bundled)));
    }

    @Test
    void withoutASettingTheFirstBundledJarThatExistsIsUsed() throws Exception {
        Path bundled = jar("openkb.jar");
        assertEquals(bundled, ServerJarLocator.locate("", List.of(tmp.resolve("absent.jar"), bundled)));
    }

    @Test
    void aSettingThatIsNotAJarIsAnErrorNamingIt() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        ClientSetupException e = assertThrows(ClientSetupException.class,
                () -> ServerJarLocator.locate(text.toString(), List.of(jar("openkb.jar"))));
        assertTrue(e.getMessage().contains("setting 'Server jar'"), e.getMessage());
        assertTrue(e.getMessage().contains("not a jar"), e.getMessage());
    }

    @Test
    void noJarAnywhereListsWhatWasTried() {
        ClientSetupException e = assertThrows(ClientSetupException.class,
                () -> ServerJarLocator.locate(null, List.of(tmp.resolve("a.jar"), tmp)));
        assertTrue(e.getMessage().contains(tmp.resolve("a.jar") + " (it does not exist)"), e.getMessage());
        assertTrue(e.getMessage().contains(tmp + " (it is not a file)"), e.getMessage());
    }

    @Test
    void theLaunchCommandRunsTheLspSubcommandAndExitsOnOutOfMemory() {
        JavaRuntime java = new JavaRuntime(Path.of("/opt/jdk/bin/java"), 21, "PATH");
        LaunchCommand c = LaunchCommand.forServer(java, Path.of("/x/openkb.jar"), Path.of("/proj"));
        assertEquals(List.of("/opt/jdk/bin/java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/x/openkb.jar", "lsp"), c.argv());
        assertEquals(Path.of("/proj"), c.workingDir());
    }

    @Test
    void theClassDataSharingArchiveBesideTheJarIsUsedWhenThereIsOne() throws IOException {
        JavaRuntime java = new JavaRuntime(Path.of("/opt/jdk/bin/java"), 21, "PATH");
        Path jar = Files.writeString(tmp.resolve("openkb.jar"), "jar");
        Files.writeString(tmp.resolve("openkb.jsa"), "archive");
        assertEquals(List.of("/opt/jdk/bin/java", "-XX:+ExitOnOutOfMemoryError", "-XX:SharedArchiveFile=" + tmp.resolve("openkb.jsa"),
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", jar.toString(), "lsp"), LaunchCommand.forServer(java, jar, tmp).argv());
    }
}
