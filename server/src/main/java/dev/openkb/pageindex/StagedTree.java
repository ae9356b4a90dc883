package dev.openkb.pageindex;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What the PDF converter leaves in its staging folder for the commit-time indexer, under
 * {@code staging/pageindex/}: {@code tree.json} (the {@link DocTree}) and {@code raw.sha256} (the
 * SHA-256 of the raw copy, from which the document id is derived). Neither lives under {@code raw/}
 * or {@code wiki/}, so publishing the staged tree leaves them in place for the indexer, and the
 * commit never has to reparse or rehash the PDF. Stateless.
 */
public final class StagedTree {
    private StagedTree() {
    }

    /** staging/pageindex/ */
    public static Path dir(Path stagingDir) {
        return stagingDir.resolve("pageindex");
    }

    /** staging/pageindex/tree.json */
    public static Path treeFile(Path stagingDir) {
        return dir(stagingDir).resolve("tree.json");
    }

    /** staging/pageindex/raw.sha256 */
    public static Path rawSha256File(Path stagingDir) {
        return dir(stagingDir).resolve("raw.sha256");
    }

    public static void write(Path stagingDir, DocTree tree, String rawSha256) throws IOException {
        Files.createDirectories(dir(stagingDir));
        mapper().writeValue(treeFile(stagingDir).toFile(), tree);
        Files.writeString(rawSha256File(stagingDir), rawSha256 + "\n", StandardCharsets.US_ASCII);
    }

    public static DocTree readTree(Path stagingDir) throws IOException {
        return mapper().readValue(treeFile(stagingDir).toFile(), DocTree.class);
    }

    public static String readRawSha256(Path stagingDir) throws IOException {
        String hex = Files.readString(rawSha256File(stagingDir), StandardCharsets.US_ASCII).strip();
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IOException("not a SHA-256 hex digest in " + rawSha256File(stagingDir));
        }
        return hex;
    }

    /** The SHA-256 of a file's bytes as lower-case hex, streamed in 64 KiB chunks. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest()).toLowerCase(Locale.ROOT);
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
