package dev.openkb.add;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a file's bytes, streamed in 64 KiB chunks (OpenKB's registry key). Stateless. */
public final class FileHasher {
    private FileHasher() {
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
        // The scan refused special files; one swapped in since then must still never be opened
        // (a FIFO blocks the open, a device never ends).
        if (!Files.isRegularFile(file)) {
            throw new KbException(ErrorCode.UNSUPPORTED_TYPE, file, "not a regular file (any more); only regular files can be added");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
