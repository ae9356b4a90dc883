package dev.openkb.lint;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * A small immutable sorted set of strings (page keys) kept as one array: the value type of the
 * index's reverse maps, where sets are the link neighbourhood of one key and copying one on change
 * is cheaper than any tree. Immutable and thread-safe.
 */
final class RefSet implements Iterable<String> {
    static final RefSet EMPTY = new RefSet(new String[0]);

    private final String[] items;

    private RefSet(String[] items) {
        this.items = items;
    }

    static RefSet of(Collection<String> items) {
        String[] a = items.toArray(new String[0]);
        Arrays.sort(a);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (n == 0 || !a[i].equals(a[n - 1])) {
                a[n++] = a[i];
            }
        }
        return n == 0 ? EMPTY : new RefSet(n == a.length ? a : Arrays.copyOf(a, n));
    }

    int size() {
        return items.length;
    }

    boolean isEmpty() {
        return items.length == 0;
    }

    boolean contains(String s) {
        return Arrays.binarySearch(items, s) >= 0;
    }

    /** The smallest element (natural String order), or null when empty. */
    String first() {
        return items.length == 0 ? null : items[0];
    }

    RefSet with(String s) {
        int i = Arrays.binarySearch(items, s);
        if (i >= 0) {
            return this;
        }
        int at = -i - 1;
        String[] a = new String[items.length + 1];
        System.arraycopy(items, 0, a, 0, at);
        a[at] = s;
        System.arraycopy(items, at, a, at + 1, items.length - at);
        return new RefSet(a);
    }

    RefSet without(String s) {
        int i = Arrays.binarySearch(items, s);
        if (i < 0) {
            return this;
        }
        if (items.length == 1) {
            return EMPTY;
        }
        String[] a = new String[items.length - 1];
        System.arraycopy(items, 0, a, 0, i);
        System.arraycopy(items, i + 1, a, i, a.length - i);
        return new RefSet(a);
    }

    List<String> asList() {
        return List.of(items);
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.asList(items).iterator();
    }
}
