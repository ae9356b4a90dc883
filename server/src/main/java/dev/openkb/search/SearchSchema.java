package dev.openkb.search;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

/**
 * The search database's schema and the check that a file on disk is exactly it. The database is
 * derived state a KB may carry from anywhere, so "it opens" is not enough: its application id,
 * version and every object in {@code sqlite_master} (tables, FTS5 shadow tables, indexes — and no
 * triggers or views someone added) must match what {@link #create} makes, or it is rebuilt.
 * Stateless.
 */
final class SearchSchema {
    /** "OKBS": marks the file as ours. */
    static final int APPLICATION_ID = 0x4f4b4253;
    /** Bump when the schema or what goes into a row changes: an older index is then rebuilt. */
    static final int VERSION = 1;

    private static final String[] DDL = {
            "CREATE TABLE files(file TEXT PRIMARY KEY, file_key TEXT NOT NULL, size INTEGER NOT NULL,"
                    + " mtime INTEGER NOT NULL, hash TEXT NOT NULL)",
            "CREATE TABLE rows(id INTEGER PRIMARY KEY, file TEXT NOT NULL, page TEXT NOT NULL,"
                    + " start_line INTEGER NOT NULL, end_line INTEGER NOT NULL, pdf_page INTEGER NOT NULL)",
            "CREATE INDEX rows_by_file ON rows(file)",
            "CREATE VIRTUAL TABLE passages USING fts5(title, description, headings, body,"
                    + " tokenize='porter unicode61 remove_diacritics 2')",
    };

    private SearchSchema() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String ddl : DDL) {
                st.execute(ddl);
            }
            st.execute("PRAGMA application_id=" + APPLICATION_ID);
            st.execute("PRAGMA user_version=" + VERSION);
        }
    }

    /** Why the database is not ours at this version, or null when it is. */
    static String mismatch(Connection c) throws SQLException {
        int app = intPragma(c, "application_id");
        if (app != APPLICATION_ID) {
            return "not an OpenKB search index (application_id " + app + ")";
        }
        int v = intPragma(c, "user_version");
        if (v != VERSION) {
            return "search index version " + v + ", this engine uses " + VERSION;
        }
        Set<String> have = objects(c);
        if (!have.equals(expectedObjects())) {
            return "unexpected schema";
        }
        return null;
    }

    private static Set<String> expectedObjects() throws SQLException {
        // Made fresh each time (about a millisecond) rather than cached in a static.
        try (Connection mem = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            create(mem);
            return objects(mem);
        }
    }

    private static Set<String> objects(Connection c) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
        }
        return out;
    }

    private static int intPragma(Connection c, String pragma) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
