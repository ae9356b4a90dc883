package dev.openkb.lsp;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The files that let only the server's own user drive a socket server: a private folder (0700,
 * ours) for the Unix socket, and a 0600 token file for TCP. Symlinks are never followed, and a folder
 * another user owns or may enter is refused rather than repaired: we cannot know who is already
 * inside it. Stateless.
 */
final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final Set<PosixFilePermission> OTHERS_WRITE = EnumSet.of(
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private PrivateFiles() {
    }

    /**
     * {@code dir}, created 0700 if absent (its parent must exist); refused when it is a symlink, not
     * a folder, not ours, or open to group or others.
     */
    static Path privateFolder(Path dir) throws IOException {
        try {
            return checkedPrivateFolder(dir);
        } catch (UnsupportedOperationException e) {
            throw noPosix(dir);
        }
    }

    private static Path checkedPrivateFolder(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            Files.setPosixFilePermissions(dir, OWNER_ONLY_FOLDER); // the umask may have taken bits away, never added
        } catch (FileAlreadyExistsException exists) {
            // Checked below like any folder we did not create.
        } catch (NoSuchFileException e) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, dir.getParent(),
                    "the folder for the socket's folder does not exist; create it first");
        }
        PosixFileAttributes a = attributes(dir);
        if (!a.isDirectory()) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, dir,
                    "is not a folder (or is a symlink); the socket must be inside a private folder");
        }
        requireOurs(dir, a);
        if (a.permissions().stream().anyMatch(OTHERS::contains)) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, dir, "other users may enter this folder (mode "
                    + PosixFilePermissions.toString(a.permissions()) + "); use a private folder (chmod 700) for the socket");
        }
        return dir;
    }

    /**
     * Writes a fresh random 256-bit token, as 64 lowercase hex digits, to {@code file} (mode 0600),
     * replacing the file atomically. The folder holding it must be ours and writable by nobody else,
     * so no other user can swap the file or plant a link.
     */
    static String writeToken(Path file) throws IOException {
        try {
            return checkedWriteToken(file);
        } catch (UnsupportedOperationException e) {
            throw noPosix(file);
        }
    }

    /** A new folder of mode 0700 under the system's temporary folder, with a random name. */
    static Path newPrivateTempFolder() throws IOException {
        try {
            return Files.createTempDirectory("openkb-lsp-", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        } catch (UnsupportedOperationException e) {
            throw noPosix(Path.of(System.getProperty("java.io.tmpdir")));
        }
    }

    /** Without POSIX modes we cannot make a file private; refusing beats serving every local user. */
    private static KbException noPosix(Path p) {
        return new KbException(ErrorCode.INVALID_ARGUMENT, p, "socket servers need a file system with POSIX "
                + "permissions (Linux, macOS) to keep other users out; use stdio (the default) here");
    }

    private static String checkedWriteToken(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        PosixFileAttributes a;
        try {
            a = attributes(dir);
        } catch (NoSuchFileException e) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, dir, "the token file's folder does not exist");
        }
        if (!a.isDirectory()) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, dir, "is not a folder (or is a symlink)");
        }
        requireOurs(dir, a);
        if (a.permissions().stream().anyMatch(OTHERS_WRITE::contains)) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, dir, "other users may write to this folder (mode "
                    + PosixFilePermissions.toString(a.permissions()) + "); put the token file in a folder only you can write");
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes); // once per server start: no shared generator needed
        String token = HexFormat.of().formatHex(bytes);
        Path tmp = dir.resolve("." + file.getFileName() + "." + HexFormat.of().formatHex(bytes, 0, 4) + ".tmp");
        try {
            Files.write(tmp, (token + "\n").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            Files.setPosixFilePermissions(tmp, OWNER_ONLY_FILE);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return token;
    }

    private static PosixFileAttributes attributes(Path p) throws IOException {
        return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static void requireOurs(Path dir, PosixFileAttributes a) throws IOException {
        UserPrincipal me = currentUser(dir);
        if (!a.owner().equals(me)) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, dir, "belongs to " + a.owner().getName()
                    + ", not to " + me.getName() + "; use a folder of your own");
        }
    }

    static UserPrincipal currentUser(Path onFileSystemOf) throws IOException {
        return onFileSystemOf.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }
}
