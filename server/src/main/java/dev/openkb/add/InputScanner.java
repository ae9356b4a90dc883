package dev.openkb.add;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Expands the user's inputs (files and folders) into the ordered list of files to add: folders
 * recursively and sorted by path; supported types only; hidden files and folders, symlinks that
 * lead outside the input folder, and anything that is not a regular file (FIFOs, devices, sockets),
 * passed over and reported. An explicitly named file of an unsupported type is kept (the pipeline
 * reports it failed, with the reason); a named path that does not exist, or that is (or links to) a
 * FIFO, device or socket, is an error before anything starts: opening a FIFO blocks until a writer
 * appears and a device such as {@code /dev/zero} never ends, so such a file is never opened. The KB's
 * own {@code raw/}, {@code wiki/} and {@code .openkb/} are never inputs, whether named directly,
 * reached through a symlink or inside a folder being added ({@code add .} at the KB root): they are
 * passed over and reported as part of the knowledge base itself. Stateless.
 */
public final class InputScanner {
    static final String KB_ITSELF = "part of the knowledge base itself";

    private final Predicate<Path> supported;
    private final List<Path> kbOwn;

    public InputScanner(Predicate<Path> supported, Path kbOpenkbDir) {
        this(supported, kbOpenkbDir, true);
    }

    private InputScanner(Predicate<Path> supported, Path kbOpenkbDir, boolean refuseRaw) {
        this.supported = supported;
        Path internal = kbOpenkbDir.toAbsolutePath().normalize();
        Path root = internal.getParent();
        this.kbOwn = refuseRaw ? List.of(internal, root.resolve("raw"), root.resolve("wiki")) : List.of(internal, root.resolve("wiki"));
    }

    /**
     * For {@code watch}: files the user dropped into the KB's {@code raw/} are its inputs (OpenKB's
     * watch adds them from there); {@code wiki/} and {@code .openkb/} are still never inputs.
     */
    static InputScanner forRawDrops(Predicate<Path> supported, Path kbOpenkbDir) {
        return new InputScanner(supported, kbOpenkbDir, false);
    }

    public ScanResult scan(List<Path> inputs) throws IOException {
        for (Path in : inputs) {
            if (!Files.exists(in)) {
                throw new KbException(ErrorCode.NOT_FOUND, in, "no such file or folder");
            }
            requireFileOrFolder(in);
        }
        List<Path> files = new ArrayList<>();
        List<Boolean> explicit = new ArrayList<>();
        List<ScanResult.Skipped> passed = new ArrayList<>();
        for (Path in : inputs) {
            Path abs = in.toAbsolutePath().normalize();
            if (partOfTheKb(abs)) {
                passed.add(new ScanResult.Skipped(abs, KB_ITSELF));
            } else if (Files.isDirectory(abs)) {
                for (Path f : walk(abs, passed)) {
                    files.add(f);
                    explicit.add(false);
                }
            } else {
                files.add(abs);
                explicit.add(true);
            }
        }
        List<ScannedFile> out = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            if (seen.add(files.get(i))) {
                out.add(new ScannedFile(files.get(i), out.size() + 1, explicit.get(i)));
            }
        }
        return new ScanResult(out, passed);
    }

    /**
     * Refuses a named input that is neither a regular file nor a folder, judged both on the link
     * itself and on what it resolves to, without opening it.
     */
    static void requireFileOrFolder(Path in) throws IOException {
        BasicFileAttributes own = Files.readAttributes(in, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        BasicFileAttributes resolved = own.isSymbolicLink() ? Files.readAttributes(in, BasicFileAttributes.class) : own;
        if (!resolved.isRegularFile() && !resolved.isDirectory()) {
            throw new KbException(ErrorCode.UNSUPPORTED_TYPE, in, "not a regular file: " + describeSpecial(in)
                    + (own.isSymbolicLink() ? " (through a symlink)" : "") + "; only regular files and folders can be added");
        }
    }

    /** "a FIFO (named pipe)", "a character device"...: what a special file is, from its unix mode. */
    static String describeSpecial(Path p) {
        try {
            int type = ((Integer) Files.getAttribute(p, "unix:mode")) & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }

    private List<Path> walk(Path root, List<ScanResult.Skipped> passed) throws IOException {
        Path realRoot = root.toRealPath();
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        if (partOfTheKb(dir)) {
                            passed.add(new ScanResult.Skipped(dir, KB_ITSELF));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (!dir.equals(root) && isHidden(dir)) {
                            passed.add(new ScanResult.Skipped(dir, "hidden folder"));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (!dir.toRealPath().startsWith(realRoot)) {
                            passed.add(new ScanResult.Skipped(dir, "symlink leading outside " + root));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        if (Files.isSymbolicLink(file) && partOfTheKb(file)) {
                            passed.add(new ScanResult.Skipped(file, KB_ITSELF));
                        } else if (isHidden(file)) {
                            passed.add(new ScanResult.Skipped(file, "hidden file"));
                        } else if (Files.isSymbolicLink(file) && !file.toRealPath().startsWith(realRoot)) {
                            passed.add(new ScanResult.Skipped(file, "symlink leading outside " + root));
                        } else if (!attrs.isRegularFile()) {
                            passed.add(new ScanResult.Skipped(file, "not a regular file: " + describeSpecial(file)));
                        } else if (!supported.test(file)) {
                            passed.add(new ScanResult.Skipped(file, ScanResult.UNSUPPORTED));
                        } else {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        passed.add(new ScanResult.Skipped(file, "unreadable: " + exc.getMessage()));
                        return FileVisitResult.CONTINUE;
                    }
                });
        found.sort(java.util.Comparator.comparing(Path::toString));
        return found;
    }

    /**
     * Whether {@code p} is in the KB's raw/, wiki/ or .openkb/, by its path or (through symlinks) by
     * where it really is: adding the KB's own pages or copies would ingest the KB into itself.
     */
    private boolean partOfTheKb(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        Path real = Files.exists(p) ? p.toRealPath() : abs;
        for (Path own : kbOwn) {
            if (abs.startsWith(own) || real.startsWith(own)
                    || (Files.exists(own) && real.startsWith(own.toRealPath()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
