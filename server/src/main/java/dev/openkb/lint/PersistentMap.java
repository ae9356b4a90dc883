package dev.openkb.lint;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;

/**
 * An immutable hash map whose updates share structure (a hash array mapped trie, as Clojure's
 * {@code PersistentHashMap}): {@link #put} and {@link #remove} copy only the O(log32 n) nodes on
 * one path, so a new {@link WikiIndex} snapshot costs what the change costs, not what the KB weighs.
 * Keys need stable {@code hashCode}/{@code equals}; null keys and values are not allowed.
 * Immutable and thread-safe.
 */
final class PersistentMap<K, V> implements Iterable<Map.Entry<K, V>> {
    private static final PersistentMap<Object, Object> EMPTY = new PersistentMap<>(null, 0);

    private final Node root;
    private final int size;

    private PersistentMap(Node root, int size) {
        this.root = root;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <K, V> PersistentMap<K, V> empty() {
        return (PersistentMap<K, V>) EMPTY;
    }

    /** Builds a map from {@code source} in one pass (no per-key path copying). */
    static <K, V> PersistentMap<K, V> of(Map<K, V> source) {
        if (source.isEmpty()) {
            return empty();
        }
        Object[] entries = new Object[source.size() * 2];
        int[] hashes = new int[source.size()];
        int i = 0;
        for (Map.Entry<K, V> e : source.entrySet()) {
            entries[2 * i] = e.getKey();
            entries[2 * i + 1] = e.getValue();
            hashes[i] = hash(e.getKey());
            i++;
        }
        return new PersistentMap<>(build(entries, hashes, 0, source.size(), 0), source.size());
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    @SuppressWarnings("unchecked")
    V get(Object key) {
        return root == null ? null : (V) root.find(0, hash(key), key);
    }

    boolean containsKey(Object key) {
        return get(key) != null;
    }

    /** This map with {@code key} bound to {@code value}; {@code this} when nothing changes. */
    PersistentMap<K, V> put(K key, V value) {
        boolean[] added = new boolean[1];
        Node start = root == null ? BitmapNode.EMPTY : root;
        Node newRoot = start.assoc(0, hash(key), key, value, added);
        if (newRoot == root) {
            return this;
        }
        return new PersistentMap<>(newRoot, added[0] ? size + 1 : size);
    }

    /** This map without {@code key}; {@code this} when it was absent. */
    PersistentMap<K, V> remove(Object key) {
        if (root == null) {
            return this;
        }
        Node newRoot = root.without(0, hash(key), key);
        if (newRoot == root) {
            return this;
        }
        return new PersistentMap<>(newRoot, size - 1);
    }

    /** {@link #put}, or {@link #remove} when {@code value} is null. */
    PersistentMap<K, V> putOrRemove(K key, V value) {
        return value == null ? remove(key) : put(key, value);
    }

    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<? super K, ? super V> action) {
        for (Map.Entry<K, V> e : this) {
            action.accept(e.getKey(), e.getValue());
        }
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
        return new EntryIterator<>(root);
    }

    private static int hash(Object key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    private static int bitpos(int hash, int shift) {
        return 1 << ((hash >>> shift) & 31);
    }

    /** Builds the trie for entries [from, to) that share the hash bits below {@code shift}. */
    private static Node build(Object[] entries, int[] hashes, int from, int to, int shift) {
        boolean sameHash = true;
        for (int i = from + 1; i < to && sameHash; i++) {
            sameHash = hashes[i] == hashes[from];
        }
        if (sameHash && to - from > 1) {
            return new CollisionNode(hashes[from], Arrays.copyOfRange(entries, 2 * from, 2 * to));
        }
        // Bucket sort [from, to) by the 5 hash bits at this level, in place through a scratch copy.
        int[] counts = new int[33];
        for (int i = from; i < to; i++) {
            counts[((hashes[i] >>> shift) & 31) + 1]++;
        }
        for (int b = 0; b < 32; b++) {
            counts[b + 1] += counts[b];
        }
        Object[] e2 = new Object[2 * (to - from)];
        int[] h2 = new int[to - from];
        int[] fill = Arrays.copyOf(counts, 32);
        for (int i = from; i < to; i++) {
            int at = fill[(hashes[i] >>> shift) & 31]++;
            e2[2 * at] = entries[2 * i];
            e2[2 * at + 1] = entries[2 * i + 1];
            h2[at] = hashes[i];
        }
        int bitmap = 0;
        int slots = 0;
        for (int b = 0; b < 32; b++) {
            if (counts[b + 1] > counts[b]) {
                bitmap |= 1 << b;
                slots++;
            }
        }
        Object[] array = new Object[2 * slots];
        int slot = 0;
        for (int b = 0; b < 32; b++) {
            int lo = counts[b];
            int hi = counts[b + 1];
            if (hi == lo) {
                continue;
            }
            if (hi - lo == 1) {
                array[2 * slot] = e2[2 * lo];
                array[2 * slot + 1] = e2[2 * lo + 1];
            } else {
                array[2 * slot + 1] = build(e2, h2, lo, hi, shift + 5);
            }
            slot++;
        }
        return new BitmapNode(bitmap, array);
    }

    private abstract static class Node {
        abstract Object find(int shift, int hash, Object key);

        abstract Node assoc(int shift, int hash, Object key, Object value, boolean[] added);

        /** The node without {@code key}, {@code this} if absent, or null when it becomes empty. */
        abstract Node without(int shift, int hash, Object key);

        /** Alternating key/value slots; a null key marks a child node in the value slot. */
        abstract Object[] slots();
    }

    private static final class BitmapNode extends Node {
        static final BitmapNode EMPTY = new BitmapNode(0, new Object[0]);
        final int bitmap;
        final Object[] array;

        BitmapNode(int bitmap, Object[] array) {
            this.bitmap = bitmap;
            this.array = array;
        }

        private int index(int bit) {
            return Integer.bitCount(bitmap & (bit - 1));
        }

        @Override
        Object find(int shift, int hash, Object key) {
            int bit = bitpos(hash, shift);
            if ((bitmap & bit) == 0) {
                return null;
            }
            int idx = index(bit);
            Object k = array[2 * idx];
            Object v = array[2 * idx + 1];
            if (k == null) {
                return ((Node) v).find(shift + 5, hash, key);
            }
            return key.equals(k) ? v : null;
        }

        @Override
        Node assoc(int shift, int hash, Object key, Object value, boolean[] added) {
            int bit = bitpos(hash, shift);
            int idx = index(bit);
            if ((bitmap & bit) != 0) {
                Object k = array[2 * idx];
                Object v = array[2 * idx + 1];
                if (k == null) {
                    Node n = ((Node) v).assoc(shift + 5, hash, key, value, added);
                    return n == v ? this : new BitmapNode(bitmap, with(array, 2 * idx + 1, n));
                }
                if (key.equals(k)) {
                    return v == value ? this : new BitmapNode(bitmap, with(array, 2 * idx + 1, value));
                }
                added[0] = true;
                Object[] copy = array.clone();
                copy[2 * idx] = null;
                copy[2 * idx + 1] = pair(shift + 5, k, v, hash, key, value);
                return new BitmapNode(bitmap, copy);
            }
            int n = Integer.bitCount(bitmap);
            Object[] copy = new Object[2 * (n + 1)];
            System.arraycopy(array, 0, copy, 0, 2 * idx);
            copy[2 * idx] = key;
            copy[2 * idx + 1] = value;
            System.arraycopy(array, 2 * idx, copy, 2 * (idx + 1), 2 * (n - idx));
            added[0] = true;
            return new BitmapNode(bitmap | bit, copy);
        }

        @Override
        Node without(int shift, int hash, Object key) {
            int bit = bitpos(hash, shift);
            if ((bitmap & bit) == 0) {
                return this;
            }
            int idx = index(bit);
            Object k = array[2 * idx];
            Object v = array[2 * idx + 1];
            if (k == null) {
                Node n = ((Node) v).without(shift + 5, hash, key);
                if (n == v) {
                    return this;
                }
                if (n != null) {
                    return new BitmapNode(bitmap, with(array, 2 * idx + 1, n));
                }
            } else if (!key.equals(k)) {
                return this;
            }
            if (bitmap == bit) {
                return null;
            }
            Object[] copy = new Object[array.length - 2];
            System.arraycopy(array, 0, copy, 0, 2 * idx);
            System.arraycopy(array, 2 * (idx + 1), copy, 2 * idx, copy.length - 2 * idx);
            return new BitmapNode(bitmap ^ bit, copy);
        }

        @Override
        Object[] slots() {
            return array;
        }

        private static Node pair(int shift, Object k1, Object v1, int h2, Object k2, Object v2) {
            int h1 = hash(k1);
            if (h1 == h2) {
                return new CollisionNode(h1, new Object[] {k1, v1, k2, v2});
            }
            boolean[] ignored = new boolean[1];
            return EMPTY.assoc(shift, h1, k1, v1, ignored).assoc(shift, h2, k2, v2, ignored);
        }
    }

    private static final class CollisionNode extends Node {
        final int hash;
        final Object[] array;

        CollisionNode(int hash, Object[] array) {
            this.hash = hash;
            this.array = array;
        }

        private int indexOf(Object key) {
            for (int i = 0; i < array.length; i += 2) {
                if (key.equals(array[i])) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        Object find(int shift, int hash, Object key) {
            int i = indexOf(key);
            return i < 0 ? null : array[i + 1];
        }

        @Override
        Node assoc(int shift, int hash, Object key, Object value, boolean[] added) {
            if (hash != this.hash) {
                return new BitmapNode(bitpos(this.hash, shift), new Object[] {null, this})
                        .assoc(shift, hash, key, value, added);
            }
            int i = indexOf(key);
            if (i >= 0) {
                return array[i + 1] == value ? this : new CollisionNode(hash, with(array, i + 1, value));
            }
            Object[] copy = Arrays.copyOf(array, array.length + 2);
            copy[array.length] = key;
            copy[array.length + 1] = value;
            added[0] = true;
            return new CollisionNode(hash, copy);
        }

        @Override
        Node without(int shift, int hash, Object key) {
            int i = indexOf(key);
            if (i < 0) {
                return this;
            }
            if (array.length == 2) {
                return null;
            }
            Object[] copy = new Object[array.length - 2];
            System.arraycopy(array, 0, copy, 0, i);
            System.arraycopy(array, i + 2, copy, i, copy.length - i);
            return new CollisionNode(hash, copy);
        }

        @Override
        Object[] slots() {
            return array;
        }
    }

    private static Object[] with(Object[] array, int i, Object value) {
        Object[] copy = array.clone();
        copy[i] = value;
        return copy;
    }

    /** Depth-first over the trie; one stack frame per level (at most 7). */
    private static final class EntryIterator<K, V> implements Iterator<Map.Entry<K, V>> {
        private final ArrayDeque<Object[]> arrays = new ArrayDeque<>();
        private final ArrayDeque<int[]> positions = new ArrayDeque<>();
        private Map.Entry<K, V> next;

        EntryIterator(Node root) {
            if (root != null) {
                arrays.push(root.slots());
                positions.push(new int[] {0});
            }
            advance();
        }

        @SuppressWarnings("unchecked")
        private void advance() {
            next = null;
            while (!arrays.isEmpty()) {
                Object[] a = arrays.peek();
                int[] pos = positions.peek();
                if (pos[0] >= a.length) {
                    arrays.pop();
                    positions.pop();
                    continue;
                }
                Object k = a[pos[0]];
                Object v = a[pos[0] + 1];
                pos[0] += 2;
                if (k == null) {
                    arrays.push(((Node) v).slots());
                    positions.push(new int[] {0});
                } else {
                    next = Map.entry((K) k, (V) v);
                    return;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Map.Entry<K, V> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Map.Entry<K, V> e = next;
            advance();
            return e;
        }
    }
}
