package dev.openkb.search;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.KbPathGuard;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The KB's full-text index, {@code .openkb/search.db}: SQLite FTS5 with the Porter stemmer, BM25
 * ranking with field weights (title above description above headings above body). Derived state,
 * never the source of truth: safe to delete, rebuilt from the pages when missing, damaged, of
 * another version or planted (a symlink is unlinked and never opened through: the KB may come from
 * anywhere). Kept in step three ways: {@link #update} with the paths a committed transaction
 * touched; {@link #reconcile} against every page's recorded attributes and content hash (at open,
 * so a crash between a commit and its index update heals itself); {@link #refreshIfChanged} before
 * a query, which reconciles when the page folders changed since (another process committed) and
 * reopens when the file was replaced.
 *
 * <p>Threading: thread-safe; every method holds this object's monitor, which guards {@code conn},
 * {@code dbKey} and {@code stamp}. Several processes may share the file: SQLite's own locking
 * serialises their writes (busy timeout {@link #BUSY_TIMEOUT_MS}).
 */
public final class SearchIndex implements AutoCloseable {
    public static final String FILE_NAME = "search.db";
    static final List<String> SIDECARS = List.of("-journal", "-wal", "-shm");
    static final int BUSY_TIMEOUT_MS = 10_000;
    /** SQLITE_OPEN_NOFOLLOW: SQLite itself refuses a database path that is a symlink. */
    private static final int OPEN_NOFOLLOW = 0x01000000;
    private static final int OPEN_READWRITE_CREATE = 0x00000002 | 0x00000004;
    /** BM25 weights of title, description, headings, body. */
    static final String RANK = "bm25(passages, 6.0, 3.0, 2.0, 1.0)";

    private final KbLayout layout;
    private final Path db;
    private Connection conn;
    private String dbKey;
    private String stamp = "";
    private ReconcileReport lastOpen;

    private SearchIndex(KbLayout layout) {
        this.layout = layout;
        this.db = layout.openkbDir().resolve(FILE_NAME);
    }

    /** Opens (creating or rebuilding as needed) and reconciles the index of {@code layout}'s KB. */
    public static SearchIndex open(KbLayout layout) {
        SearchIndex index = new SearchIndex(layout);
        synchronized (index) {
            index.lastOpen = index.connectAndReconcile();
        }
        return index;
    }

    public Path path() {
        return db;
    }

    /** What opening the index did: rebuilt (and why), or reconciled. */
    public synchronized ReconcileReport lastOpen() {
        return lastOpen;
    }

    /** Brings the index in step with every indexed page on disk now. */
    public synchronized ReconcileReport reconcile() {
        return withRebuildOnDamage(this::reconcileNow);
    }

    /**
     * Re-indexes what a committed transaction changed: each of {@code touched} that is an indexed
     * file is re-read (or dropped, if gone); anything else is ignored. Cost: O(files touched).
     */
    public synchronized void update(Collection<Path> touched) {
        Set<String> files = new LinkedHashSet<>();
        for (Path p : touched) {
            IndexedFiles.fileOf(layout, p).ifPresent(files::add);
        }
        if (files.isEmpty()) {
            return;
        }
        withRebuildOnDamage(() -> {
            Map<String, Stored> stored = storedFor(files);
            conn.setAutoCommit(false);
            try {
                for (String f : files) {
                    Optional<IndexedFiles.Found> found = IndexedFiles.stat(f, layout.wikiDir().resolve(f));
                    if (found.isPresent()) {
                        refresh(found.get(), stored.get(f));
                    } else {
                        deleteFile(f);
                    }
                }
                conn.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
            return null;
        });
    }

    /**
     * Before a query: reopens the index if its file was replaced or deleted, and reconciles it if
     * a page folder changed since the last reconcile (a commit in another process). Cheap when
     * nothing changed: a handful of stat calls.
     */
    public synchronized void refreshIfChanged() {
        if (!keyOf(db).equals(dbKey)) {
            closeQuietly();
            lastOpen = connectAndReconcile();
        } else if (!IndexedFiles.folderStamp(layout).equals(stamp)) {
            reconcile();
        }
    }

    /** The best passage of each of at most {@code limit} pages, most relevant first. */
    public synchronized List<SearchHit> search(SearchQuery query, int limit) {
        if (query.isEmpty() || limit <= 0) {
            return List.of();
        }
        return withRebuildOnDamage(() -> {
            Map<String, SearchHit> best = new LinkedHashMap<>();
            String sql = "SELECT rows.page, rows.file, passages.title, " + RANK + " AS score,"
                    + " snippet(passages, 3, '', '', ' … ', 32), rows.start_line, rows.end_line, rows.pdf_page"
                    + " FROM passages JOIN rows ON rows.id = passages.rowid WHERE passages MATCH ? ORDER BY score LIMIT ?";
            try (PreparedStatement st = conn.prepareStatement(sql)) {
                st.setString(1, query.expression());
                st.setInt(2, limit * 8 + 16);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next() && best.size() < limit) {
                        String page = rs.getString(1);
                        best.putIfAbsent(page, new SearchHit(page, rs.getString(2), rs.getString(3),
                                -rs.getDouble(4), rs.getString(5).strip(),
                                new PassageRange(rs.getInt(6), rs.getInt(7), rs.getInt(8))));
                    }
                }
            }
            return List.copyOf(best.values());
        });
    }

    /** How many files the index holds. */
    public synchronized int fileCount() {
        return withRebuildOnDamage(() -> {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM files")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    // ---- opening, validation, rebuild

    private ReconcileReport connectAndReconcile() {
        String rebuilt;
        try {
            rebuilt = connect();
        } catch (SQLException | IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, db, "cannot open the search index: " + e.getMessage()
                    + " (it is derived from the pages: delete it and run the query again)", e);
        }
        ReconcileReport r = reconcile();
        return rebuilt == null ? r : new ReconcileReport(rebuilt, r.indexed(), r.removed(), r.unchanged());
    }

    /** Opens the database, making it fresh when it is not ours; returns why it was made fresh, or null. */
    private String connect() throws SQLException, IOException {
        KbPathGuard guard = new KbPathGuard(layout.root());
        if (!guard.isRealDirectory(layout.openkbDir())) {
            throw new KbException(ErrorCode.PATH_OUTSIDE_KB, layout.openkbDir(),
                    "the .openkb folder is missing or a symlink; refusing to keep a search index through it");
        }
        String why = clearPlanted();
        boolean existed = Files.exists(db, LinkOption.NOFOLLOW_LINKS);
        if (why == null && !existed) {
            why = "no search index yet";
        }
        if (existed) {
            try {
                conn = connection();
                String mismatch = SearchSchema.mismatch(conn);
                if (mismatch == null) {
                    useDeleteJournal();
                    dbKey = keyOf(db);
                    return why;
                }
                why = mismatch;
            } catch (SQLException e) {
                why = "damaged (" + e.getMessage() + ")";
            }
            closeQuietly();
            deleteDatabase();
        }
        conn = connection();
        SearchSchema.create(conn);
        useDeleteJournal();
        dbKey = keyOf(db);
        return why;
    }

    /** Unlinks a planted symlink at the database's or a sidecar's name; refuses other non-files. */
    private String clearPlanted() throws IOException {
        String why = null;
        for (String suffix : allNames()) {
            Path p = db.resolveSibling(FILE_NAME + suffix);
            if (Files.isSymbolicLink(p)) {
                Files.delete(p); // the link itself, never its target
                why = FILE_NAME + suffix + " was a symlink";
            } else if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new KbException(ErrorCode.CORRUPT_STATE, p, "not a regular file where the search index belongs;"
                        + " remove it (the index is rebuilt from the pages)");
            }
        }
        return why;
    }

    private void deleteDatabase() throws IOException {
        for (String suffix : allNames()) {
            Files.deleteIfExists(db.resolveSibling(FILE_NAME + suffix));
        }
    }

    private static List<String> allNames() {
        List<String> out = new ArrayList<>();
        out.add("");
        out.addAll(SIDECARS);
        return out;
    }

    private Connection connection() throws SQLException {
        Properties props = new Properties();
        props.setProperty("open_mode", String.valueOf(OPEN_READWRITE_CREATE | OPEN_NOFOLLOW));
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath().toUri().toASCIIString(), props);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
            st.execute("PRAGMA trusted_schema=OFF");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * A rollback journal, not WAL (a KB's file may say WAL): no -wal/-shm files to plant. No fsync:
     * the index is derived, a damaged one is detected and rebuilt, and a commit pays no flush for it.
     */
    private void useDeleteJournal() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA journal_mode=DELETE");
            st.execute("PRAGMA synchronous=OFF");
        }
    }

    private static String keyOf(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return String.valueOf(a.fileKey());
        } catch (IOException e) {
            return "missing";
        }
    }

    private void closeQuietly() {
        if (conn != null) {
            try {
                conn.close();
            } catch (SQLException ignored) {
                // closing a broken connection: nothing left to do with it
            }
            conn = null;
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException, IOException;
    }

    /** Runs {@code work}; if the database turns out damaged, rebuilds it from the pages and runs it once more. */
    private <T> T withRebuildOnDamage(Work<T> work) {
        try {
            if (conn == null) {
                throw new SQLException("the search index is not open");
            }
            return work.run();
        } catch (SQLException first) {
            try {
                closeQuietly();
                deleteDatabase();
                connect();
                lastOpen = new ReconcileReport("damaged (" + first.getMessage() + ")", 0, 0, 0);
                reconcileNow();
                return work.run();
            } catch (SQLException | IOException e) {
                throw failure(e);
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private KbException failure(Exception e) {
        return new KbException(ErrorCode.IO_ERROR, db, "the search index failed: " + e.getMessage()
                + " (it is derived from the pages: delete it and it is rebuilt)", e);
    }

    // ---- reconcile and indexing

    private record Stored(String fileKey, long size, long mtime, String hash) {
    }

    private ReconcileReport reconcileNow() throws SQLException, IOException {
        String before = IndexedFiles.folderStamp(layout); // taken first: a change during the walk shows next time
        Map<String, Stored> stored = new HashMap<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT file, file_key, size, mtime, hash FROM files")) {
            while (rs.next()) {
                stored.put(rs.getString(1), new Stored(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5)));
            }
        }
        int indexed = 0;
        int unchanged = 0;
        int removed = 0;
        conn.setAutoCommit(false);
        try {
            for (IndexedFiles.Found f : IndexedFiles.list(layout)) {
                if (refresh(f, stored.remove(f.file()))) {
                    indexed++;
                } else {
                    unchanged++;
                }
            }
            for (String gone : stored.keySet()) {
                deleteFile(gone);
                removed++;
            }
            conn.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
        stamp = before;
        return new ReconcileReport(null, indexed, removed, unchanged);
    }

    private Map<String, Stored> storedFor(Set<String> files) throws SQLException {
        Map<String, Stored> out = new HashMap<>();
        try (PreparedStatement st = conn.prepareStatement("SELECT file_key, size, mtime, hash FROM files WHERE file = ?")) {
            for (String f : files) {
                st.setString(1, f);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        out.put(f, new Stored(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
                    }
                }
            }
        }
        return out;
    }

    /** Re-indexes {@code f} unless its attributes or content hash match what is stored; true if it did. */
    private boolean refresh(IndexedFiles.Found f, Stored stored) throws SQLException, IOException {
        if (stored != null && stored.fileKey().equals(f.fileKey()) && stored.size() == f.size() && stored.mtime() == f.mtimeNanos()) {
            return false;
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(f.path(), LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            deleteFile(f.file()); // gone or unreadable since the listing: not searchable
            return true;
        }
        String hash = sha256(bytes);
        if (stored != null && stored.hash().equals(hash)) {
            putFile(f, hash);
            return false;
        }
        deleteFile(f.file());
        List<Passage> rows;
        try {
            rows = f.file().endsWith(".json") ? PageSplitter.pagesJson(f.file(), bytes)
                    : PageSplitter.markdown(f.file(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException malformed) {
            rows = List.of(); // a broken per-page JSON has nothing to search; recorded so it is not re-read each time
        }
        insert(rows);
        putFile(f, hash);
        return true;
    }

    private void insert(List<Passage> rows) throws SQLException {
        try (PreparedStatement meta = conn.prepareStatement(
                "INSERT INTO rows(file, page, start_line, end_line, pdf_page) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement text = conn.prepareStatement(
                     "INSERT INTO passages(rowid, title, description, headings, body) VALUES (?, ?, ?, ?, ?)")) {
            for (Passage p : rows) {
                meta.setString(1, p.file());
                meta.setString(2, p.page());
                meta.setInt(3, p.range().startLine());
                meta.setInt(4, p.range().endLine());
                meta.setInt(5, p.range().pdfPage());
                meta.executeUpdate();
                long id;
                try (ResultSet keys = meta.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                text.setLong(1, id);
                text.setString(2, p.title());
                text.setString(3, p.description());
                text.setString(4, p.headings());
                text.setString(5, p.body());
                text.executeUpdate();
            }
        }
    }

    private void putFile(IndexedFiles.Found f, String hash) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(
                "INSERT OR REPLACE INTO files(file, file_key, size, mtime, hash) VALUES (?, ?, ?, ?, ?)")) {
            st.setString(1, f.file());
            st.setString(2, f.fileKey());
            st.setLong(3, f.size());
            st.setLong(4, f.mtimeNanos());
            st.setString(5, hash);
            st.executeUpdate();
        }
    }

    private void deleteFile(String file) throws SQLException {
        try (PreparedStatement text = conn.prepareStatement(
                "DELETE FROM passages WHERE rowid IN (SELECT id FROM rows WHERE file = ?)");
             PreparedStatement meta = conn.prepareStatement("DELETE FROM rows WHERE file = ?");
             PreparedStatement files = conn.prepareStatement("DELETE FROM files WHERE file = ?")) {
            for (PreparedStatement st : List.of(text, meta, files)) {
                st.setString(1, file);
                st.executeUpdate();
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
