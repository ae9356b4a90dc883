package dev.openkb.client.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaLocatorTest {
    @TempDir
    Path tmp;

    private final JavaLocator locator = new JavaLocator(new JavaProbe(), false);

    @Test
    void theSettingWinsOverEverythingElse() throws Exception {
        Path configured = FakeJdk.ofVersion(tmp.resolve("configured"), "21.0.1");
        Path home = FakeJdk.ofVersion(tmp.resolve("home"), "17.0.2");
        JavaRuntime r = locator.locate(configured.toString(), Map.of("JAVA_HOME", home.toString()), null);
        assertEquals(configured.resolve("bin/java"), r.executable());
        assertEquals(21, r.major());
        assertEquals(JavaLocator.SETTING_ORIGIN, r.origin());
    }

    @Test
    void theSettingMayNameTheExecutableItself() throws Exception {
        Path jdk = FakeJdk.ofVersion(tmp.resolve("jdk"), "17.0.15");
        JavaRuntime r = locator.locate(jdk.resolve("bin/java").toString(), Map.of(), null);
        assertEquals(17, r.major());
    }

    @Test
    void aSettingThatPointsNowhereIsAnErrorNamingIt() {
        ClientSetupException e = assertThrows(ClientSetupException.class,
                () -> locator.locate(tmp.resolve("missing").toString(), Map.of(), Path.of(System.getProperty("java.home"))));
        assertTrue(e.getMessage().contains("setting 'Java path'"), e.getMessage());
        assertTrue(e.getMessage().contains("no such file exists"), e.getMessage());
    }

    @Test
    void aSettingWithAnOldJavaIsAnErrorNamingTheVersion() throws Exception {
        Path old = FakeJdk.create(tmp.resolve("old"), "java version \"1.8.0_381\"");
        ClientSetupException e = assertThrows(ClientSetupException.class,
                () -> locator.locate(old.toString(), Map.of(), null));
        assertTrue(e.getMessage().contains("Java 8"), e.getMessage());
        assertTrue(e.getMessage().contains("needs Java 17"), e.getMessage());
    }

    @Test
    void aFolderWithoutBinJavaIsAnError() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        ClientSetupException e = assertThrows(ClientSetupException.class, () -> locator.locate(empty.toString(), Map.of(), null));
        assertTrue(e.getMessage().contains("has no bin/java"), e.getMessage());
    }

    @Test
    void javaHomeComesBeforePath() throws Exception {
        Path home = FakeJdk.ofVersion(tmp.resolve("home"), "17.0.2");
        Path onPath = FakeJdk.ofVersion(tmp.resolve("path"), "21.0.2");
        JavaRuntime r = locator.locate("", Map.of("JAVA_HOME", home.toString(), "PATH", onPath.resolve("bin").toString()), null);
        assertEquals("JAVA_HOME", r.origin());
        assertEquals(17, r.major());
    }

    @Test
    void anOldJavaHomeFallsThroughToPathThenToTheIdeRuntime() throws Exception {
        Path home = FakeJdk.ofVersion(tmp.resolve("home"), "11.0.2");
        Path onPath = FakeJdk.ofVersion(tmp.resolve("path"), "21.0.2");
        String path = tmp.resolve("nothing-here") + java.io.File.pathSeparator + onPath.resolve("bin");
        assertEquals("PATH", locator.locate(null, Map.of("JAVA_HOME", home.toString(), "PATH", path), null).origin());

        Path ide = FakeJdk.ofVersion(tmp.resolve("ide"), "21.0.5");
        Path oldOnPath = FakeJdk.ofVersion(tmp.resolve("oldpath"), "11.0.1");
        JavaRuntime r = locator.locate(null, Map.of("JAVA_HOME", home.toString(), "PATH", oldOnPath.resolve("bin").toString()), ide);
        assertEquals("IDE runtime", r.origin());
        assertEquals(21, r.major());
    }

    @Test
    void whenNothingFitsTheErrorListsEveryPlaceTried() throws Exception {
        Path home = FakeJdk.ofVersion(tmp.resolve("home"), "11.0.2");
        Path broken = FakeJdk.create(tmp.resolve("broken"), "no version here");
        ClientSetupException e = assertThrows(ClientSetupException.class, () -> locator.locate(" ",
                Map.of("JAVA_HOME", home.toString(), "PATH", broken.resolve("bin").toString()), tmp.resolve("no-ide")));
        String m = e.getMessage();
        assertTrue(m.contains("JAVA_HOME (" + home.resolve("bin/java") + "): Java 11"), m);
        assertTrue(m.contains("PATH (" + broken.resolve("bin/java") + "): printed no Java version"), m);
        assertTrue(m.contains("IDE runtime (" + tmp.resolve("no-ide/bin/java") + "): not an executable file"), m);
        assertTrue(m.contains("Settings | Tools | OpenKB"), m);
    }

    @Test
    void findsTheJavaThatRunsTheseTests() throws Exception {
        JavaRuntime r = locator.locate(null, Map.of(), Path.of(System.getProperty("java.home")));
        assertTrue(r.major() >= 17, "running on " + r);
    }
}
