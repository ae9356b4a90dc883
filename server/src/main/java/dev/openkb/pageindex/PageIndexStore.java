package dev.openkb.pageindex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local long-document store, {@code .openkb/pageindex.db} (SQLite): documents, their tree nodes and
 * their page texts.
 *
 * <p>Writers open a private <em>copy</em> of the database (see {@link LongDocIndexer}), never the
 * live file: the live file is only ever replaced whole by rename. That is what makes read-only
 * access with {@code immutable=1} truthful for readers: an open reader keeps the inode it opened,
 * and never creates {@code -wal}/{@code -shm} sidecars next to the live database.
 *
 * <p>Threading: one instance owns one JDBC connection and is confined to the thread that opened it.
 */
public final class PageIndexStore implements AutoCloseable {
    /** "OKBI": marks a database written by this store, so a foreign pageindex.db is never mixed in. */
    static final int APPLICATION_ID = 0x4F4B4249;
    private static final int SCHEMA_VERSION = 1;
    private static final int BATCH = 200;

    /** Supplies a document's pages, streamed, to {@link #replaceDocument}. */
    public interface PageSource {
        void forEach(PagesJsonReader.PageConsumer consumer) throws IOException;
    }

    private final Connection conn;

    private PageIndexStore(Connection conn) {
        this.conn = conn;
    }

    /** Opens (creating if needed) a database file for writing, in WAL mode with this store's schema. */
    public static PageIndexStore openWritable(Path db) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + uri(db));
        try {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
            }
            ensureSchema(c, db);
            return new PageIndexStore(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Opens the database read-only and immutable: no locks, no journal, no sidecar files. Correct
     * because writers replace the file by rename instead of changing it in place.
     */
    public static PageIndexStore openReadOnly(Path db) throws SQLException {
        if (!Files.isRegularFile(db)) {
            throw new SQLException("no page index database at " + db);
        }
        return new PageIndexStore(DriverManager.getConnection("jdbc:sqlite:" + uri(db) + "?mode=ro&immutable=1"));
    }

    /**
     * A percent-encoded {@code file:} URI: a KB folder may contain '?', '#', '%' or non-ASCII
     * characters, which a plain path would let the driver misread as URL parameters.
     */
    private static String uri(Path db) {
        return db.toAbsolutePath().toUri().toASCIIString();
    }

    private static void ensureSchema(Connection c, Path db) throws SQLException {
        int appId = intPragma(c, "application_id");
        boolean empty = !hasTable(c, "documents");
        if (!empty && appId != APPLICATION_ID) {
            throw new SQLException("not an OpenKB page index (application_id " + appId + "): " + db);
        }
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA application_id=" + APPLICATION_ID);
            st.execute("PRAGMA user_version=" + SCHEMA_VERSION);
            st.execute("CREATE TABLE IF NOT EXISTS documents (doc_id TEXT PRIMARY KEY, doc_name TEXT NOT NULL UNIQUE,"
                    + " title TEXT NOT NULL, description TEXT NOT NULL, page_count INTEGER NOT NULL,"
                    + " raw_sha256 TEXT NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS nodes (doc_id TEXT NOT NULL, node_id TEXT NOT NULL, parent_id TEXT,"
                    + " ord INTEGER NOT NULL, title TEXT NOT NULL, start_page INTEGER NOT NULL,"
                    + " end_page INTEGER NOT NULL, summary TEXT NOT NULL, PRIMARY KEY (doc_id, node_id))");
            st.execute("CREATE TABLE IF NOT EXISTS pages (doc_id TEXT NOT NULL, page INTEGER NOT NULL,"
                    + " content TEXT NOT NULL, PRIMARY KEY (doc_id, page))");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /**
     * Stores one document in a single transaction, first removing any document with the same id or
     * the same name (a re-add of a changed file replaces the older rows).
     */
    public void replaceDocument(StoredDocument doc, DocTree tree, PageSource pages) throws SQLException, IOException {
        try {
            for (String old : idsFor(doc.docId(), doc.docName())) {
                deleteRows(old);
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO documents (doc_id, doc_name, title,"
                    + " description, page_count, raw_sha256) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, doc.docId());
                ps.setString(2, doc.docName());
                ps.setString(3, doc.title());
                ps.setString(4, doc.description());
                ps.setInt(5, doc.pageCount());
                ps.setString(6, doc.rawSha256());
                ps.executeUpdate();
            }
            insertNodes(doc.docId(), tree);
            insertPages(doc.docId(), pages);
            conn.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            conn.rollback();
            throw e;
        }
    }

    /** Removes a document's rows; returns false when there was no such document. */
    public boolean removeDocument(String docId) throws SQLException {
        try {
            boolean found = deleteRows(docId);
            conn.commit();
            return found;
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        }
    }

    /** Moves every WAL frame into the database file and truncates the WAL to zero bytes. */
    public void checkpoint() throws SQLException {
        // A checkpoint cannot complete inside the connection's own open transaction.
        conn.setAutoCommit(true);
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (rs.next() && rs.getInt(1) != 0) {
                throw new SQLException("WAL checkpoint was blocked by another connection");
            }
        }
    }

    public Optional<StoredDocument> document(String docId) throws SQLException {
        return findDocument("doc_id", docId);
    }

    public Optional<StoredDocument> documentByName(String docName) throws SQLException {
        return findDocument("doc_name", docName);
    }

    /** All documents, by name. */
    public List<StoredDocument> documents() throws SQLException {
        List<StoredDocument> out = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT doc_id, doc_name, title, description, page_count, raw_sha256"
                     + " FROM documents ORDER BY doc_name")) {
            while (rs.next()) {
                out.add(documentRow(rs));
            }
        }
        return out;
    }

    /** The stored tree of a document, or empty when there is no such document. */
    public Optional<DocTree> tree(String docId) throws SQLException {
        Optional<StoredDocument> doc = document(docId);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<NodeRow>> byParent = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT node_id, COALESCE(parent_id, ''), title, start_page,"
                + " end_page, summary FROM nodes WHERE doc_id = ? ORDER BY ord")) {
            ps.setString(1, docId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byParent.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new NodeRow(
                            rs.getString(1), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6)));
                }
            }
        }
        StoredDocument d = doc.get();
        return Optional.of(new DocTree(d.title(), d.description(), d.pageCount(), nodesUnder("", byParent)));
    }

    /** The text of one page, or empty when the page has no stored text. */
    public Optional<String> page(String docId, int page) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT content FROM pages WHERE doc_id = ? AND page = ?")) {
            ps.setString(1, docId);
            ps.setInt(2, page);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** How many pages with text a document has stored. */
    public int storedPages(String docId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM pages WHERE doc_id = ?")) {
            ps.setString(1, docId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }

    private List<String> idsFor(String docId, String docName) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT doc_id FROM documents WHERE doc_id = ? OR doc_name = ?")) {
            ps.setString(1, docId);
            ps.setString(2, docName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private boolean deleteRows(String docId) throws SQLException {
        int docs = 0;
        for (String table : List.of("pages", "nodes", "documents")) {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + table + " WHERE doc_id = ?")) {
                ps.setString(1, docId);
                docs = ps.executeUpdate();
            }
        }
        return docs > 0;
    }

    private void insertNodes(String docId, DocTree tree) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO nodes (doc_id, node_id, parent_id, ord, title,"
                + " start_page, end_page, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insertNodes(ps, docId, null, tree.roots());
            ps.executeBatch();
        }
    }

    private void insertNodes(PreparedStatement ps, String docId, String parentId, List<TreeNode> nodes)
            throws SQLException {
        for (int i = 0; i < nodes.size(); i++) {
            TreeNode n = nodes.get(i);
            ps.setString(1, docId);
            ps.setString(2, n.nodeId());
            ps.setString(3, parentId);
            ps.setInt(4, i);
            ps.setString(5, n.title());
            ps.setInt(6, n.startPage());
            ps.setInt(7, n.endPage());
            ps.setString(8, n.summary());
            ps.addBatch();
            insertNodes(ps, docId, n.nodeId(), n.children());
        }
    }

    private void insertPages(String docId, PageSource pages) throws SQLException, IOException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO pages (doc_id, page, content)"
                + " VALUES (?, ?, ?)")) {
            int[] pending = {0};
            pages.forEach(p -> {
                try {
                    ps.setString(1, docId);
                    ps.setInt(2, p.page());
                    ps.setString(3, p.content());
                    ps.addBatch();
                    if (++pending[0] % BATCH == 0) {
                        ps.executeBatch();
                    }
                } catch (SQLException e) {
                    throw new IOException("storing page " + p.page() + ": " + e.getMessage(), e);
                }
            });
            ps.executeBatch();
        }
    }

    private Optional<StoredDocument> findDocument(String column, String value) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT doc_id, doc_name, title, description, page_count,"
                + " raw_sha256 FROM documents WHERE " + column + " = ?")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(documentRow(rs)) : Optional.empty();
            }
        }
    }

    private static StoredDocument documentRow(ResultSet rs) throws SQLException {
        return new StoredDocument(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6));
    }

    private record NodeRow(String id, String title, int start, int end, String summary) {
    }

    private static List<TreeNode> nodesUnder(String parent, Map<String, List<NodeRow>> byParent) {
        List<TreeNode> out = new ArrayList<>();
        for (NodeRow r : byParent.getOrDefault(parent, List.of())) {
            out.add(new TreeNode(r.id(), r.title(), r.start(), r.end(), r.summary(), nodesUnder(r.id(), byParent)));
        }
        return out;
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int intPragma(Connection c, String pragma) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
