package dev.openkb.convert;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Puts one document's images into staging/wiki/sources/images/&lt;doc&gt;/ and hands back the
 * wiki-root-relative link for each. Embedded images become img_001.png, img_002.jpeg... (OpenKB's
 * names); files copied from next to a markdown/HTML source keep their name, and a second different
 * file with the same name becomes name_1.ext (OpenKB #160). One instance per conversion, confined
 * to the converting thread.
 */
final class ImageStore {
    private static final Pattern DATA_URI = Pattern.compile("data:image/([A-Za-z0-9.+-]+);base64,(.*)", Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
    private static final Map<String, String> MIME_EXT = Map.of("svg+xml", "svg", "x-icon", "ico",
            "vnd.microsoft.icon", "ico", "x-emf", "emf", "x-wmf", "wmf");

    private final ConvertRequest request;
    private final Path dir;
    private final List<Path> images = new ArrayList<>();
    private final Set<String> usedNames = new HashSet<>();
    private final Map<Path, String> copiedLinks = new HashMap<>();
    private final Map<String, String> embeddedLinks = new HashMap<>();
    private int counter;

    ImageStore(ConvertRequest request) {
        this.request = request;
        this.dir = StagedFiles.imagesDir(request);
    }

    /** Saves embedded image bytes as img_NNN.&lt;ext&gt; and returns its link. */
    String saveBytes(byte[] data, String extension) throws IOException {
        String ext = cleanExtension(extension);
        String name;
        do {
            counter++;
            name = String.format(Locale.ROOT, "img_%03d.%s", counter, ext);
        } while (usedNames.contains(name));
        Files.write(reserve(name), data);
        return StagedFiles.imageLink(request, name);
    }

    /**
     * Saves an image embedded in an Office package once, however many times the document shows
     * it; {@code part} is its package part name (/word/media/image1.png).
     */
    String saveEmbedded(String part, Supplier<byte[]> data, String extension) throws IOException {
        String known = embeddedLinks.get(part);
        if (known == null) {
            known = saveBytes(data.get(), extension);
            embeddedLinks.put(part, known);
        }
        return known;
    }

    /**
     * Decodes a base64 {@code data:image/...} URI into a file and returns its link; empty when the
     * URI is not a base64 image or does not decode (the caller leaves it as written, like OpenKB).
     */
    Optional<String> saveDataUri(String uri) throws IOException {
        var m = DATA_URI.matcher(uri.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(m.group(2).replaceAll("\\s+", ""));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String subtype = m.group(1).toLowerCase(Locale.ROOT);
        return Optional.of(saveBytes(data, MIME_EXT.getOrDefault(subtype, subtype)));
    }

    /**
     * Copies an image a source file refers to by relative path and returns its link. Empty (the
     * reference stays as written) when it names a URL or scheme, does not exist, is not a regular
     * file, or resolves (symlinks included) outside {@code baseDir}, the source's folder.
     */
    Optional<String> copyLocal(Path baseDir, String reference) throws IOException {
        String ref = reference.strip();
        if (ref.isEmpty() || ref.startsWith("//") || SCHEME.matcher(ref).matches()) {
            return Optional.empty();
        }
        Optional<Path> file = resolveInside(baseDir, ref);
        if (file.isEmpty() && ref.indexOf('%') >= 0) {
            file = resolveInside(baseDir, URLDecoder.decode(ref.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String known = copiedLinks.get(file.get());
        if (known != null) {
            return Optional.of(known);
        }
        String name = freeName(file.get().getFileName().toString());
        Files.copy(file.get(), reserve(name), StandardCopyOption.REPLACE_EXISTING);
        String link = StagedFiles.imageLink(request, name);
        copiedLinks.put(file.get(), link);
        return Optional.of(link);
    }

    /**
     * A markdown image: {@code ![alt](link)}, the alt text kept to one line without brackets and a
     * link with spaces or parentheses written in angle brackets so it stays one destination.
     */
    static String markdown(String alt, String link) {
        String a = alt == null ? "" : alt.replaceAll("[\\[\\]\\s]+", " ").strip();
        return "![" + a + "](" + destination(link) + ")";
    }

    /** A link destination as markdown needs it: in angle brackets when it holds spaces or parentheses. */
    static String destination(String link) {
        return link.matches(".*[\\s()<>].*") ? "<" + link.replace("<", "%3C").replace(">", "%3E") + ">" : link;
    }

    /** The staged images, in the order the document first referred to them. */
    List<Path> images() {
        return List.copyOf(images);
    }

    private static Optional<Path> resolveInside(Path baseDir, String ref) throws IOException {
        try {
            Path root = baseDir.toRealPath();
            Path real = root.resolve(ref).normalize().toRealPath();
            if (!real.startsWith(root) || !Files.isRegularFile(real)) {
                return Optional.empty();
            }
            return Optional.of(real);
        } catch (InvalidPathException | NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The file's own name, or name_1.ext, name_2.ext... when another image already took it. */
    private String freeName(String fileName) {
        if (!usedNames.contains(fileName)) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        String stem = dot <= 0 ? fileName : fileName.substring(0, dot);
        String ext = dot <= 0 ? "" : fileName.substring(dot);
        for (int i = 1; ; i++) {
            String candidate = stem + "_" + i + ext;
            if (!usedNames.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** Records a staged image name in document order and returns where to write it. */
    private Path reserve(String name) throws IOException {
        Files.createDirectories(dir);
        Path dest = dir.resolve(name);
        usedNames.add(name);
        images.add(dest);
        return dest;
    }

    /** Keeps extensions to short lower-case alphanumerics so a hostile MIME type cannot name a path. */
    private static String cleanExtension(String extension) {
        String ext = extension == null ? "" : extension.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (ext.length() > 10) {
            ext = ext.substring(0, 10);
        }
        return ext.isEmpty() ? "bin" : ext;
    }
}
