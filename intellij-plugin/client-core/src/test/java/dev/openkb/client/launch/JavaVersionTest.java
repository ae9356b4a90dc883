package dev.openkb.client.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class JavaVersionTest {
    @Test
    void readsModernOpenJdkVersions() {
        assertEquals(OptionalInt.of(17), JavaVersion.parseMajor("""
                openjdk version "17.0.15" 2025-04-15
                OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)
                OpenJDK 64-Bit Server VM (build 17.0.15+6-Debian-1deb12u1, mixed mode, sharing)
                """));
        assertEquals(OptionalInt.of(21), JavaVersion.parseMajor("openjdk version \"21\" 2023-09-19"));
        assertEquals(OptionalInt.of(25), JavaVersion.parseMajor("openjdk version \"25-ea\" 2025-09-16"));
        assertEquals(OptionalInt.of(11), JavaVersion.parseMajor("java version \"11.0.2\" 2019-01-15 LTS"));
    }

    @Test
    void readsTheOldOneDotScheme() {
        assertEquals(OptionalInt.of(8), JavaVersion.parseMajor("java version \"1.8.0_381\"\nJava(TM) SE Runtime Environment"));
        assertEquals(OptionalInt.of(7), JavaVersion.parseMajor("java version \"1.7.0\""));
    }

    @Test
    void skipsNoiseBeforeTheVersionLine() {
        assertEquals(OptionalInt.of(17), JavaVersion.parseMajor("""
                Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF-8
                openjdk version "17.0.9" 2023-10-17
                """));
    }

    @Test
    void answersEmptyForTextWithoutAVersion() {
        assertTrue(JavaVersion.parseMajor("").isEmpty());
        assertTrue(JavaVersion.parseMajor(null).isEmpty());
        assertTrue(JavaVersion.parseMajor("bash: java: command not found").isEmpty());
        assertTrue(JavaVersion.parseMajor("version \"99999999999999\"").isEmpty());
    }
}
