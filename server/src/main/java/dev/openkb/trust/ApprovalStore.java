package dev.openkb.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.AtomicFiles;
import dev.openkb.io.RealFileOps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The user's endpoint approvals, {@code approvals.json} in the user's config folder ({@link ConfigHome}),
 * never inside a KB: a KB cannot approve itself. One entry per (KB real path, normalised endpoint):
 * <pre>{"approvals": [{"kb": "/home/me/kb", "endpoint": "https://llm.example/v1", "approved_at": "2026-…Z"}]}</pre>
 * The folder is created 0700 and the file 0600; every change replaces the file atomically (temp,
 * fsync, rename), so a reader sees the old list or the new one. The file is read afresh on every
 * question, so a {@code trust} or {@code --revoke} in another process counts at the next LLM use.
 *
 * <p>Threads: methods are synchronized, so changes from one process never interleave. Two processes
 * changing it at the same instant keep the later list; the lost change is an approval the user is
 * asked for again (never an approval nobody gave).
 */
public final class ApprovalStore {
    public static final String FILE_NAME = "approvals.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final AtomicFiles files;
    private final Clock clock;

    public ApprovalStore(Path configHome, AtomicFiles files, Clock clock) {
        this.file = configHome.resolve(FILE_NAME);
        this.files = files;
        this.clock = clock;
    }

    /** The store of the user this process runs for ({@code env}: the process environment, or a test's). */
    public static ApprovalStore forUser(Map<String, String> env) {
        return new ApprovalStore(ConfigHome.resolve(env), new AtomicFiles(new RealFileOps()), Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    public synchronized List<Approval> list() {
        return read();
    }

    /** True when the user approved {@code endpoint} for the KB at {@code kbRoot} (any spelling of its path). */
    public synchronized boolean isApproved(Path kbRoot, Endpoint endpoint) {
        Path kb = canonical(kbRoot);
        return read().stream().anyMatch(a -> a.kb().equals(kb) && a.endpoint().equals(endpoint.url()));
    }

    /** Records the approval (again, with a new time, if it existed). */
    public synchronized Approval approve(Path kbRoot, Endpoint endpoint) {
        Approval added = new Approval(canonical(kbRoot), endpoint.url(), clock.instant());
        List<Approval> all = new ArrayList<>(read());
        all.removeIf(a -> a.kb().equals(added.kb()) && a.endpoint().equals(added.endpoint()));
        all.add(added);
        write(all);
        return added;
    }

    /** Removes every approval for the KB at {@code kbRoot}; returns what was removed. */
    public synchronized List<Approval> revoke(Path kbRoot) {
        Path kb = canonical(kbRoot);
        List<Approval> all = new ArrayList<>(read());
        List<Approval> removed = all.stream().filter(a -> a.kb().equals(kb)).toList();
        if (!removed.isEmpty()) {
            all.removeAll(removed);
            write(all);
        }
        return removed;
    }

    /** The KB's canonical real path: approvals follow the folder, not the spelling (symlinks, "..", case). */
    static Path canonical(Path kbRoot) {
        try {
            return kbRoot.toRealPath();
        } catch (NoSuchFileException e) {
            throw new KbException(ErrorCode.NOT_FOUND, kbRoot, "the knowledge base folder does not exist");
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, kbRoot, "cannot resolve the knowledge base folder: " + e.getMessage(), e);
        }
    }

    private List<Approval> read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, file, "cannot read the endpoint approvals: " + e.getMessage(), e);
        }
        if (text.isBlank()) {
            return List.of();
        }
        try {
            JsonNode root = JSON.readTree(text);
            JsonNode list = root == null ? null : root.get("approvals");
            if (list == null || !list.isArray()) {
                throw corrupt("no \"approvals\" list");
            }
            List<Approval> out = new ArrayList<>();
            for (JsonNode a : list) {
                if (!a.path("kb").isTextual() || !a.path("endpoint").isTextual() || !a.path("approved_at").isTextual()) {
                    throw corrupt("an entry lacks kb, endpoint or approved_at");
                }
                out.add(new Approval(Path.of(a.get("kb").asText()), a.get("endpoint").asText(),
                        Instant.parse(a.get("approved_at").asText())));
            }
            return out;
        } catch (IOException | DateTimeParseException | java.nio.file.InvalidPathException e) {
            throw corrupt(e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private KbException corrupt(String why) {
        return new KbException(ErrorCode.CORRUPT_STATE, file, "the endpoint approvals cannot be read (" + why
                + "); fix or delete the file, then run `openkb trust` again for each KB");
    }

    private void write(List<Approval> all) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("approvals");
        for (Approval a : all) {
            list.addObject().put("kb", a.kb().toString()).put("endpoint", a.endpoint()).put("approved_at", a.approvedAt().toString());
        }
        try {
            createPrivately();
            files.write(file, (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, file, "cannot save the endpoint approval: " + e.getMessage(), e);
        }
    }

    /** The folder 0700 and the file 0600 before the first write; the atomic replace keeps the file's mode. */
    private void createPrivately() throws IOException {
        Path dir = file.getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (posix && !Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                // Another process created it first; its mode is ours too.
            }
        }
    }
}
