package dev.openkb.compile.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;

/** Shape checks on recorded chat requests. */
final class JsonAssert {
    private JsonAssert() {
    }

    static void systemFirst(JsonNode messages) {
        assertEquals("system", messages.get(0).path("role").asText());
        for (int i = 1; i < messages.size(); i++) {
            assertNotEquals("system", messages.get(i).path("role").asText());
        }
    }

    static void rolesAlternate(JsonNode messages) {
        assertEquals("user", messages.get(0).path("role").asText());
        for (int i = 1; i < messages.size(); i++) {
            assertNotEquals(messages.get(i - 1).path("role").asText(), messages.get(i).path("role").asText());
        }
    }
}
