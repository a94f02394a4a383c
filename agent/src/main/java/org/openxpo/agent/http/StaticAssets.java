package org.openxpo.agent.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dashboard's files, served from the class path under {@code dashboard/} (agent/src/main/resources/dashboard).
 * A path is a sequence of plain names (letters, digits, '.', '_', '-', no segment starting with '.'), so "..",
 * encoded slashes and hidden files never reach the class loader; {@code /} is {@code index.html}. Files are read once
 * and kept (they are the jar's own, a few hundred KB). {@code /webjars/…} is served from the WebJars on the class path
 * ({@code META-INF/resources/webjars/…}: uPlot for the charts), so the page needs nothing from the internet.
 */
final class StaticAssets {
    private static final String ROOT = "dashboard/", WEBJARS = "webjars/", WEBJARS_ROOT = "META-INF/resources/";
    private static final Pattern SAFE = Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
        "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "mjs", "text/javascript; charset=utf-8",
        "css", "text/css; charset=utf-8", "json", "application/json", "svg", "image/svg+xml", "png", "image/png",
        "ico", "image/x-icon", "txt", "text/plain; charset=utf-8", "map", "application/json");

    record Asset(byte[] bytes, String contentType, String etag) {}

    private final ClassLoader loader;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    StaticAssets(ClassLoader loader) { this.loader = loader; }

    /** The asset at URL path {@code path} ("/", "/app.js"), or empty when there is none or the path is not a plain one. */
    Optional<Asset> find(String path) {
        String p = path.equals("/") ? "index.html" : path.substring(1);
        if (!SAFE.matcher(p).matches()) return Optional.empty();
        String type = TYPES.get(extension(p));
        if (type == null) return Optional.empty(); // only the kinds of file a page needs
        return cache.computeIfAbsent(p, k -> load(k, type));
    }

    private Optional<Asset> load(String p, String type) {
        try (InputStream in = loader.getResourceAsStream((p.startsWith(WEBJARS) ? WEBJARS_ROOT : ROOT) + p)) {
            if (in == null) return Optional.empty();
            byte[] bytes = in.readAllBytes();
            return Optional.of(new Asset(bytes, type, "\"" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "-"
                + bytes.length + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(String p) {
        int dot = p.lastIndexOf('.');
        return dot < 0 ? "" : p.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
