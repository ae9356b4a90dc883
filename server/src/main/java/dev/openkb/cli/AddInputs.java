package dev.openkb.cli;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code add}'s arguments split into local paths and http(s) URLs. An argument that looks like a URL
 * of another scheme ({@code ftp://}, {@code file://}) is refused rather than taken for a folder named
 * "ftp:"; a local file literally named like a URL can still be added as {@code ./http:...}.
 */
record AddInputs(List<Path> paths, List<URI> urls) {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);

    static AddInputs parse(List<String> args) {
        List<Path> paths = new ArrayList<>();
        List<URI> urls = new ArrayList<>();
        for (String a : args) {
            if (!SCHEME.matcher(a).matches()) {
                try {
                    paths.add(Path.of(a));
                } catch (InvalidPathException e) {
                    throw new KbException(ErrorCode.INVALID_ARGUMENT, null, "not a valid path: " + a + " (" + e.getReason() + ")");
                }
                continue;
            }
            String scheme = a.substring(0, a.indexOf(':'));
            if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
                throw new KbException(ErrorCode.INVALID_ARGUMENT, null, a + ": only http and https URLs can be added");
            }
            try {
                URI url = new URI(a);
                if (url.getHost() == null || url.getHost().isEmpty()) {
                    throw new KbException(ErrorCode.INVALID_ARGUMENT, null, a + ": the URL has no host");
                }
                urls.add(url);
            } catch (URISyntaxException e) {
                throw new KbException(ErrorCode.INVALID_ARGUMENT, null, "not a valid URL: " + a + " (" + e.getReason() + ")");
            }
        }
        return new AddInputs(List.copyOf(paths), List.copyOf(urls));
    }
}
