package dev.openkb.agent;

import dev.openkb.io.KbPathGuard;
import dev.openkb.io.UnsafePathException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The agents' only way into the KB: paths the model names, confined to {@code wiki/}. A KB is
 * untrusted input and so is a model that read it (a page may tell it to fetch {@code ../.env}), so
 * a path is used only when, normalised, it lies inside {@code wiki/} with no symlink on the way
 * ({@link KbPathGuard}) and names a regular file (a FIFO would hang the read). It also records
 * which pages were read, in order, for the answer's sources.
 *
 * <p>Not thread-safe: one agent run, on one thread, owns it.
 */
final class WikiFiles {
    static final String DENIED = "Access denied: path escapes wiki root.";
    /** Larger files are cut: a model's context is smaller than that anyway. */
    static final int MAX_CHARS = 200_000;

    private final Path wiki;
    private final KbPathGuard guard;
    private final Set<String> read = new LinkedHashSet<>();

    WikiFiles(Path wikiDir) {
        this.wiki = wikiDir.toAbsolutePath().normalize();
        this.guard = new KbPathGuard(wiki);
    }

    /**
     * The file or folder {@code rel} names inside {@code wiki/}, or empty when it escapes
     * (absolute, {@code ..}, through a symlink, or not a path at all). "" and "." name {@code wiki/} itself.
     */
    Optional<Path> resolve(String rel, boolean folder) {
        if (rel == null || rel.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        String r = rel.strip();
        if (folder && (r.isEmpty() || r.equals(".") || r.equals("./"))) {
            return Files.isDirectory(wiki, LinkOption.NOFOLLOW_LINKS) ? Optional.of(wiki) : Optional.empty();
        }
        try {
            if (Path.of(r).isAbsolute()) {
                return Optional.empty();
            }
            return Optional.of(guard.requireReal(guard.resolve(r), false));
        } catch (UnsafePathException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The text of a wiki file, in OpenKB's words when it cannot be read. */
    String readText(String rel) {
        Optional<Path> p = resolve(rel, false);
        if (p.isEmpty()) {
            return DENIED;
        }
        if (!Files.isRegularFile(p.get(), LinkOption.NOFOLLOW_LINKS)) {
            return "File not found: " + rel;
        }
        try {
            String text = Files.readString(p.get(), java.nio.charset.StandardCharsets.UTF_8);
            noteRead(p.get());
            return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "\n\n[… cut at " + MAX_CHARS + " characters]" : text;
        } catch (java.nio.charset.MalformedInputException e) {
            return "Not a text file: " + rel;
        } catch (IOException e) {
            return "Cannot read " + rel + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The {@code .md} files directly in a wiki folder, sorted, one name a line. */
    String listMarkdown(String directory) {
        Optional<Path> p = resolve(directory, true);
        if (p.isEmpty()) {
            return DENIED;
        }
        if (!Files.isDirectory(p.get(), LinkOption.NOFOLLOW_LINKS)) {
            return "No files found.";
        }
        List<String> names = new ArrayList<>();
        try (var s = Files.list(p.get())) {
            s.filter(f -> f.getFileName().toString().endsWith(".md") && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .forEach(f -> names.add(f.getFileName().toString()));
        } catch (IOException e) {
            return "Cannot list " + directory + ": " + e.getMessage();
        }
        names.sort(null);
        return names.isEmpty() ? "No files found." : String.join("\n", names);
    }

    /**
     * The wiki schema the prompts embed: {@code wiki/AGENTS.md} when it is a real file inside the
     * wiki (not a symlink to somewhere else), else the bundled text. Not counted as read.
     */
    String schema() {
        Optional<Path> p = resolve("AGENTS.md", false);
        if (p.isPresent() && Files.isRegularFile(p.get(), LinkOption.NOFOLLOW_LINKS)) {
            try {
                return Files.readString(p.get(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                // Unreadable or not UTF-8: the bundled schema is a fine stand-in.
            }
        }
        return dev.openkb.kb.KbInit.agentsMd();
    }

    /** Records that the model read {@code p}, as a wiki-relative path with '/'. */
    void noteRead(Path p) {
        read.add(wiki.relativize(p).toString().replace('\\', '/'));
    }

    /** Every file read so far, in the order first read. */
    List<String> pagesRead() {
        return List.copyOf(read);
    }

    Path root() {
        return wiki;
    }
}
