package dev.openkb.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointTest {
    @Test
    void spellingsOfOneEndpointAreEqualAndAnyChangedPartIsAnotherEndpoint() {
        Endpoint e = Endpoint.parse("https://llm.example/v1");
        assertEquals(e, Endpoint.parse("HTTPS://LLM.Example:443/v1/"));
        assertEquals(e, Endpoint.parse("  https://llm.example/x/../v1//  "));
        assertEquals("https://llm.example/v1", e.url());
        assertNotEquals(e, Endpoint.parse("http://llm.example/v1"));
        assertNotEquals(e, Endpoint.parse("https://llm.example:8443/v1"));
        assertNotEquals(e, Endpoint.parse("https://llm.example/v2"));
        assertNotEquals(e, Endpoint.parse("https://llm.example.evil/v1"));
        assertEquals("http://127.0.0.1:8080/v1", Endpoint.parse("http://127.0.0.1:8080/v1").url());
    }

    @Test
    void urlsThatHideWhereTheKeyGoesAreRefused() {
        for (String bad : new String[] {"", "ftp://x/v1", "file:///etc/passwd", "https:///v1", "https://user:pw@llm.example/v1",
                "https://llm.example/v1?x=1", "https://llm.example/v1#f", "not a url", "//llm.example/v1"}) {
            assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(bad), bad);
        }
    }

    @Test
    void plainHttpIsAllowedToLoopbackOnlyWithoutResolvingNames() {
        for (String ok : new String[] {"http://localhost:11434/v1", "http://127.0.0.1:1/v1", "http://127.8.9.10/v1", "http://[::1]:8000/v1",
                "https://anything.example/v1"}) {
            assertTrue(Endpoint.parse(ok).transportAllowed(), ok);
        }
        for (String bad : new String[] {"http://192.168.1.5:11434/v1", "http://llm.example/v1", "http://localhost.example/v1",
                "http://127.0.0.1.nip.io/v1", "http://[::2]/v1", "http://10.0.0.1/v1"}) {
            assertFalse(Endpoint.parse(bad).transportAllowed(), bad);
        }
    }

    @Test
    void configHomeIsTheOverrideThenXdgThenHome() {
        assertEquals(Path.of("/o/c"), ConfigHome.resolve(Map.of("OPENKB_CONFIG_HOME", "/o/c", "XDG_CONFIG_HOME", "/x", "HOME", "/h")));
        assertEquals(Path.of("/x/openkb"), ConfigHome.resolve(Map.of("XDG_CONFIG_HOME", "/x", "HOME", "/h")));
        assertEquals(Path.of("/h/.config/openkb"), ConfigHome.resolve(Map.of("XDG_CONFIG_HOME", "relative", "HOME", "/h")));
        assertEquals(Path.of(System.getProperty("user.home"), ".config", "openkb"), ConfigHome.resolve(Map.of()));
    }
}
