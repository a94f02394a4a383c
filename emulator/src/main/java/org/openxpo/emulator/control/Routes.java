package org.openxpo.emulator.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A tiny path router: patterns like {@code /api/cages/{cage}/faults/{id}} with one handler per method. An unknown path
 * is a 404, a known path with another method a 405 that lists the allowed ones.
 */
final class Routes {
    /** The answer to one request: status, JSON body (null for none) and extra headers. */
    record Response(int status, Object body, Map<String, String> headers) {
        static Response ok(Object body) { return new Response(200, body, Map.of()); }

        static Response noContent() { return new Response(204, null, Map.of()); }
    }

    /** The path parameters ({cage}, {id}) and the request body. */
    record Request(String method, Map<String, String> params, String body) {
        String param(String name) { return params.get(name); }
    }

    interface Handler {
        Response handle(Request request);
    }

    private record Route(String[] segments, Map<String, Handler> byMethod) {}

    /** One endpoint as {@code GET /api} lists it. */
    record Listed(String method, String path, String description) {}

    private final List<Route> routes = new ArrayList<>();
    private final List<Listed> listed = new ArrayList<>();

    /** Adds {@code method pattern}, described for {@code GET /api} by {@code description}. */
    Routes add(String method, String pattern, String description, Handler handler) {
        listed.add(new Listed(method, pattern, description));
        String[] segments = split(pattern);
        for (Route r : routes) {
            if (String.join("/", r.segments()).equals(String.join("/", segments))) {
                r.byMethod().put(method, handler);
                return this;
            }
        }
        Map<String, Handler> byMethod = new LinkedHashMap<>();
        byMethod.put(method, handler);
        routes.add(new Route(segments, byMethod));
        return this;
    }

    /** Every endpoint, in the order they were added. */
    List<Listed> listing() { return List.copyOf(listed); }

    Response dispatch(String method, String path, String body) {
        String[] segments = split(path);
        for (Route r : routes) {
            Map<String, String> params = match(r.segments(), segments);
            if (params == null) continue;
            Handler h = r.byMethod().get(method);
            if (h == null) {
                String allow = String.join(", ", new TreeSet<>(r.byMethod().keySet()));
                throw new MethodNotAllowed(method + " is not allowed on " + path + " (allowed: " + allow + ")", allow);
            }
            return h.handle(new Request(method, params, body));
        }
        throw ApiException.notFound("no such endpoint: " + path);
    }

    /** 405, carrying the Allow header's value. */
    static final class MethodNotAllowed extends RuntimeException {
        final String allow;

        MethodNotAllowed(String message, String allow) {
            super(message, null, false, false);
            this.allow = allow;
        }
    }

    private static Map<String, String> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) return null;
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) params.put(p.substring(1, p.length() - 1), path[i]);
            else if (!p.equals(path[i])) return null;
        }
        return params;
    }

    private static String[] split(String path) {
        String p = path;
        int q = p.indexOf('?');
        if (q >= 0) p = p.substring(0, q);
        return java.util.Arrays.stream(p.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
