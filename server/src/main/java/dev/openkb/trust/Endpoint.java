package dev.openkb.trust;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An LLM endpoint in the one form approvals are keyed by: scheme and host lower-cased, the port
 * explicit, the path normalised without a trailing slash. Two spellings of one endpoint
 * ({@code HTTPS://Api.Example:443/v1/}, {@code https://api.example/v1}) are equal; a different
 * scheme, host, port or path is a different endpoint and needs its own approval. URLs with user
 * info, a query or a fragment are refused: they would change where the key goes in ways the
 * approval does not show. Immutable.
 *
 * @param scheme {@code http} or {@code https}
 * @param host   lower-case host name or IP literal (IPv6 in brackets)
 * @param port   explicit port
 * @param path   normalised path, "" or starting with "/", no trailing slash
 */
public record Endpoint(String scheme, String host, int port, String path) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /**
     * Parses and normalises {@code url}.
     *
     * @throws IllegalArgumentException with a reason a user can act on
     */
    public static Endpoint parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the URL is empty");
        }
        URI u;
        try {
            u = new URI(url.strip()).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url.strip() + "' is not a valid URL: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + url.strip() + "' is not an http(s) URL");
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("'" + url.strip() + "' has no host name");
        }
        if (u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + url.strip() + "' may not carry user info, a query or a fragment");
        }
        int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
        String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
        return new Endpoint(scheme, u.getHost().toLowerCase(Locale.ROOT), port, path);
    }

    /** The URL requests are built from: the port only when it is not the scheme's default. */
    public String url() {
        boolean defaultPort = port == (scheme.equals("https") ? 443 : 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
    }

    /**
     * {@code localhost}, an IPv4 literal in 127.0.0.0/8 or the IPv6 literal ::1. Host names other than
     * {@code localhost} are not resolved: a name that resolves to a loopback address today may not tomorrow.
     */
    public boolean isLoopback() {
        if (host.equals("localhost")) {
            return true;
        }
        boolean v6 = host.startsWith("[") && host.endsWith("]");
        if (!v6 && !IPV4.matcher(host).matches()) {
            return false;
        }
        try {
            // An IP literal: getByName parses it and does no lookup.
            return InetAddress.getByName(v6 ? host.substring(1, host.length() - 1) : host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Plain http would show the key to anyone on the path, so it is allowed to this machine only. */
    public boolean transportAllowed() {
        return scheme.equals("https") || isLoopback();
    }

    @Override
    public String toString() {
        return url();
    }
}
