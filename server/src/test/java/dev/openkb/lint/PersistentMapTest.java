package dev.openkb.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PersistentMapTest {

    /** A key type with a tiny hash range, so collision nodes and deep tries are exercised. */
    private record Key(int id) {
        @Override
        public int hashCode() {
            return id % 37 == 0 ? 7 : id * 0x9E3779B9;
        }
    }

    @Test
    void behavesLikeAHashMapUnderRandomPutsAndRemoves() {
        Random rnd = new Random(7);
        Map<Key, Integer> model = new HashMap<>();
        PersistentMap<Key, Integer> map = PersistentMap.empty();
        for (int i = 0; i < 20_000; i++) {
            Key k = new Key(rnd.nextInt(3000));
            if (rnd.nextInt(3) == 0) {
                model.remove(k);
                map = map.remove(k);
            } else {
                int v = rnd.nextInt(10);
                model.put(k, v);
                map = map.put(k, v);
            }
            if (i % 2000 == 0) {
                assertSameContent(model, map);
            }
        }
        assertSameContent(model, map);
        assertSameContent(model, PersistentMap.of(model));
    }

    @Test
    void oldVersionsStayIntactAndNoOpsReturnTheSameMap() {
        PersistentMap<String, Integer> a = PersistentMap.<String, Integer>empty().put("x", 1).put("y", 2);
        PersistentMap<String, Integer> b = a.put("x", 3).remove("y");
        assertEquals(1, a.get("x"));
        assertEquals(2, a.get("y"));
        assertEquals(3, b.get("x"));
        assertEquals(1, b.size());
        assertSame(a, a.remove("absent"));
        Integer one = a.get("x");
        assertSame(a, a.put("x", one));
    }

    private static void assertSameContent(Map<Key, Integer> model, PersistentMap<Key, Integer> map) {
        assertEquals(model.size(), map.size());
        Map<Key, Integer> seen = new HashMap<>();
        for (Map.Entry<Key, Integer> e : map) {
            seen.put(e.getKey(), e.getValue());
        }
        assertEquals(model, seen);
        model.forEach((k, v) -> assertEquals(v, map.get(k)));
    }
}
