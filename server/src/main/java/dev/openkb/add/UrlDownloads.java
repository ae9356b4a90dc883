package dev.openkb.add;

import dev.openkb.io.AtomicFiles;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Turns a URL into a file the add pipeline can take: downloads it ({@link UrlFetcher}) into a fresh
 * leased staging folder, decides its type ({@link DownloadType}) and name ({@link DownloadName}),
 * and moves the body to {@code <staging>/download/<name>}. The folder is handed to the caller as soon
 * as it exists, so the caller removes it whatever happens next. Confined to the batch coordinator.
 */
final class UrlDownloads {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");

    /** The downloaded file, named and typed, and the URL to record (the one the user gave). */
    record Result(Path file, String url) {
    }

    private final KbLayout layout;
    private final AtomicFiles files;
    private final UrlFetcher fetcher;

    UrlDownloads(KbLayout layout, AtomicFiles files, long maxBytes) {
        this(layout, files, new UrlFetcher(CONNECT_TIMEOUT, READ_TIMEOUT, maxBytes));
    }

    UrlDownloads(KbLayout layout, AtomicFiles files, UrlFetcher fetcher) {
        this.layout = layout;
        this.files = files;
        this.fetcher = fetcher;
    }

    /** Downloads {@code url}, reporting the bytes received to {@code listener} ({@link DownloadProgress}). */
    Result download(URI url, dev.openkb.engine.CancelToken cancel, Consumer<StagingArea> owned,
            dev.openkb.engine.ProgressListener listener) throws IOException {
        UrlFetcher.check(url);
        StagingArea staging = StagingArea.create(layout, files, "url");
        owned.accept(staging);
        Path body = staging.dir().resolve("download.part");
        UrlFetcher.Download d = fetcher.fetch(url, body, cancel, new DownloadProgress(listener, url.toString()));
        String extension = DownloadType.of(body, d.head(), d.contentType(), d.url());
        String stem = DownloadName.stem(d.contentDisposition(), d.url());
        String title = stem.isEmpty() && extension.equals(".html") ? title(d.head()) : null;
        Path dir = Files.createDirectory(staging.dir().resolve("download"));
        Path file = dir.resolve(DownloadName.name(stem, title, d.url(), extension));
        Files.move(body, file);
        return new Result(file, url.toString());
    }

    /** The page's {@code <title>} when it is in the first bytes, entities decoded. */
    private static String title(byte[] head) {
        Matcher m = TITLE.matcher(new String(head, StandardCharsets.UTF_8));
        return m.find() ? Parser.unescapeEntities(m.group(1), false) : null;
    }

    /** A path that names a URL that was never downloaded, for progress lines and results. */
    static Path placeholder(URI url) {
        String name = DownloadName.clean(DownloadName.stem(null, url));
        if (name.isEmpty()) {
            name = url.getHost() == null || url.getHost().isEmpty() ? "download" : DownloadName.clean(url.getHost());
        }
        try {
            return Path.of(name.isEmpty() ? "download" : name);
        } catch (java.nio.file.InvalidPathException e) {
            return Path.of("download");
        }
    }
}
