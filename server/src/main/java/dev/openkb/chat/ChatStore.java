package dev.openkb.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.AtomicFiles;
import dev.openkb.io.KbPathGuard;
import dev.openkb.io.UnsafePathException;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.PythonJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The chat sessions of one KB, in {@code .openkb/chats/<id>.json} (OpenKB's files: either tool resumes the
 * other's sessions). Session files are KB content, so untrusted: an id is one plain name of letters, digits,
 * {@code -} and {@code _} (never a path), the chats folder and {@code .openkb} must be real folders (no symlink
 * is followed, reading or writing), a session file must be a regular file of at most {@link #MAX_FILE_BYTES},
 * and a file that is not a session is reported as {@code CORRUPT_STATE} when asked for, and left out of lists.
 * Session files are written atomically (temp file, fsync, rename) and, as in OpenKB, without the KB lock: each
 * belongs to one chat process and is not wiki content.
 *
 * <p>Stateless apart from its clock and random source; safe to use from one thread at a time.
 */
public final class ChatStore {
    /** The largest session file read; a longer one is not a chat a person had. */
    public static final long MAX_FILE_BYTES = 16L << 20;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** A session as a list shows it. */
    public record Entry(String id, String title, int turnCount, String updatedAt, String model) {
    }

    private final KbLayout layout;
    private final KbPathGuard guard;
    private final AtomicFiles files;
    private final Clock clock;
    private final Random random;

    public ChatStore(KbLayout layout, AtomicFiles files, Clock clock, Random random) {
        this.layout = layout;
        this.guard = new KbPathGuard(layout.root());
        this.files = files;
        this.clock = clock;
        this.random = random;
    }

    public ChatStore(KbLayout layout, AtomicFiles files) {
        this(layout, files, Clock.systemDefaultZone(), new SecureRandom());
    }

    public Path chatsDir() {
        return layout.openkbDir().resolve("chats");
    }

    /** True when {@code id} can name a session file (one plain name, no path). */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** A new, unsaved session with a fresh id ({@code YYYYMMDD-HHMMSS-xyz}, local time, as OpenKB names them). */
    public ChatSession create(String model, String language) {
        String stamp = ID_TIME.format(clock.instant().atZone(clock.getZone()));
        for (int attempt = 0; ; attempt++) {
            StringBuilder id = new StringBuilder(stamp).append('-');
            for (int i = 0; i < 3; i++) {
                id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
            }
            if (!Files.exists(file(id.toString()), LinkOption.NOFOLLOW_LINKS) || attempt > 100) {
                return ChatSession.start(id.toString(), now(), model, language);
            }
        }
    }

    /** The current UTC time as a session stores it. */
    public String now() {
        return ISO.format(clock.instant());
    }

    public void save(ChatSession session) {
        Path target = file(requireId(session.id()));
        try {
            Path dir = realChatsDir(true);
            files.write(dir.resolve(target.getFileName()), PythonJson.dumpIndented(session.toJson()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, target, "cannot write the chat session: " + e.getMessage(), e);
        }
    }

    public ChatSession load(String id) {
        Path p = file(requireId(id));
        try {
            realChatsDir(false);
            return parse(id, p, read(p));
        } catch (NoSuchFileException e) {
            throw new KbException(ErrorCode.NOT_FOUND, p, "no chat session " + id + " (openkb chat --list shows them)");
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, p, "cannot read the chat session: " + e.getMessage(), e);
        }
    }

    /** Every readable session, newest first (ids start with their creation time); other files are skipped. */
    public List<Entry> list() {
        List<Entry> out = new ArrayList<>();
        Path dir;
        try {
            dir = realChatsDir(false);
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, chatsDir(), "cannot list the chat sessions: " + e.getMessage(), e);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                String id = name.substring(0, name.length() - ".json".length());
                if (!isValidId(id)) {
                    continue;
                }
                try {
                    ChatSession s = parse(id, p, read(p));
                    out.add(new Entry(s.id(), s.title(), s.turnCount(), s.updatedAt(), s.model()));
                } catch (KbException | IOException e) {
                    // Not a session (garbage, a symlink, too big): a list shows sessions only.
                }
            }
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, dir, "cannot list the chat sessions: " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Entry::id).reversed());
        return out;
    }

    /**
     * The session {@code query} names: null or empty for the newest, else an exact id or a unique prefix of
     * one. Empty when nothing matches; {@code INVALID_ARGUMENT} when a prefix matches several.
     */
    public Optional<String> resolve(String query) {
        List<Entry> sessions = list();
        if (query == null || query.isEmpty()) {
            return sessions.stream().map(Entry::id).findFirst();
        }
        if (sessions.stream().anyMatch(s -> s.id().equals(query))) {
            return Optional.of(query);
        }
        List<String> matches = sessions.stream().map(Entry::id).filter(id -> id.startsWith(query)).toList();
        if (matches.size() > 1) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null, "the session prefix '" + query + "' matches "
                    + String.join(", ", matches) + "; give more of the id");
        }
        return matches.stream().findFirst();
    }

    /** Deletes a session file (a symlink in its place is removed, never followed); false when there was none. */
    public boolean delete(String id) {
        Path p = file(requireId(id));
        try {
            realChatsDir(false);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            files.ops().delete(p);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, p, "cannot delete the chat session: " + e.getMessage(), e);
        }
    }

    private Path file(String id) {
        return chatsDir().resolve(id + ".json");
    }

    private static String requireId(String id) {
        if (!isValidId(id)) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null, "'" + id + "' is not a chat session id (letters, digits,"
                    + " '-' and '_', as openkb chat --list shows them)");
        }
        return id;
    }

    /**
     * The chats folder, checked: inside the KB, reached through no symlink, and a folder. With {@code create}
     * it is made when missing; without, a missing one is {@link NoSuchFileException}.
     */
    private Path realChatsDir(boolean create) throws IOException {
        Path dir = chatsDir();
        try {
            guard.requireReal(dir, false);
        } catch (UnsafePathException e) {
            throw new KbException(ErrorCode.PATH_OUTSIDE_KB, dir, e.getMessage());
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!create) {
                throw new NoSuchFileException(dir.toString());
            }
            files.createDirectories(dir);
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new KbException(ErrorCode.CORRUPT_STATE, dir, "is not a folder; move it away so chat sessions can be kept there");
        }
        return dir;
    }

    private static String read(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile()) {
            throw new KbException(ErrorCode.CORRUPT_STATE, p, "is not a regular file (a symlink or a folder is not a chat session)");
        }
        if (a.size() > MAX_FILE_BYTES) {
            throw new KbException(ErrorCode.CORRUPT_STATE, p, "is " + a.size() + " bytes, more than a chat session may be ("
                    + MAX_FILE_BYTES + ")");
        }
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** A session from its file; the id is the file's name, whatever the file claims. */
    private static ChatSession parse(String id, Path p, String text) {
        Map<String, Object> m;
        try {
            m = PythonJson.parseObject(text);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new KbException(ErrorCode.CORRUPT_STATE, p, "is not a chat session (not a JSON object)");
        }
        try {
            return new ChatSession(id, string(m, "created_at", ""), string(m, "updated_at", ""), string(m, "model", ""),
                    string(m, "language", "en"), string(m, "title", ""), count(m.get("turn_count")), list(m.get("history")),
                    strings(m.get("user_turns")), strings(m.get("assistant_texts")));
        } catch (IllegalArgumentException e) {
            throw new KbException(ErrorCode.CORRUPT_STATE, p, "is not a chat session: " + e.getMessage());
        }
    }

    private static String string(Map<String, Object> m, String key, String fallback) {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("'" + key + "' is not a string");
        }
        return s;
    }

    private static int count(Object v) {
        return v instanceof Number n && n.longValue() >= 0 && n.longValue() <= Integer.MAX_VALUE ? n.intValue() : 0;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object v) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("'history' is not a list");
        }
        List<Object> out = new ArrayList<>();
        for (Object o : (List<Object>) l) {
            out.add(o == null ? Map.of() : o); // List.copyOf refuses nulls; a null history item carries nothing
        }
        return out;
    }

    private static List<String> strings(Object v) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l) || l.stream().anyMatch(o -> !(o instanceof String))) {
            throw new IllegalArgumentException("'user_turns' and 'assistant_texts' must be lists of strings");
        }
        return l.stream().map(String.class::cast).toList();
    }
}
