package org.openxpo.agent.gnmi.path;

import java.util.Map;
import java.util.TreeMap;
import org.openxpo.agent.gnmi.proto.Path;
import org.openxpo.agent.gnmi.proto.PathElem;

/**
 * gNMI path strings (openconfig/reference gnmi-path-strings.md) to and from {@link Path}: {@code /a/b[k=v]/c}, keys
 * sorted when written, {@code ]} and {@code \} in key values escaped with a backslash, an optional {@code origin:}
 * before the first slash. Used for logs, error messages, the docs and tests; clients send {@link Path} messages.
 */
public final class PathStrings {
    private PathStrings() {}

    /** Parses a path string; throws {@link InvalidPathException} naming the position of a malformed part. */
    public static Path parse(String text) {
        Path.Builder path = Path.newBuilder();
        String s = text;
        int colon = s.indexOf(':');
        int slash = s.indexOf('/');
        if (colon > 0 && (slash < 0 || colon < slash)) {
            path.setOrigin(s.substring(0, colon));
            s = s.substring(colon + 1);
        }
        int i = s.startsWith("/") ? 1 : 0;
        while (i < s.length()) {
            PathElem.Builder elem = PathElem.newBuilder();
            int nameStart = i;
            while (i < s.length() && s.charAt(i) != '/' && s.charAt(i) != '[') i++;
            elem.setName(s.substring(nameStart, i));
            if (elem.getName().isEmpty()) throw new InvalidPathException("empty element at position " + nameStart + " of " + text);
            while (i < s.length() && s.charAt(i) == '[') {
                int eq = s.indexOf('=', i);
                if (eq < 0) throw new InvalidPathException("key without '=' at position " + i + " of " + text);
                String key = s.substring(i + 1, eq);
                StringBuilder value = new StringBuilder();
                int j = eq + 1;
                for (; j < s.length() && s.charAt(j) != ']'; j++) {
                    char c = s.charAt(j);
                    if (c == '\\' && j + 1 < s.length()) c = s.charAt(++j);
                    value.append(c);
                }
                if (j >= s.length()) throw new InvalidPathException("unclosed '[' at position " + i + " of " + text);
                elem.putKey(key, value.toString());
                i = j + 1;
            }
            if (i < s.length() && s.charAt(i) != '/') {
                throw new InvalidPathException("unexpected '" + s.charAt(i) + "' at position " + i + " of " + text);
            }
            path.addElem(elem);
            i++;
        }
        return path.build();
    }

    /** The path as a string, keys sorted, origin first when set ("/" for the root). */
    public static String format(Path path) {
        StringBuilder out = new StringBuilder();
        if (!path.getOrigin().isEmpty()) out.append(path.getOrigin()).append(':');
        for (PathElem e : path.getElemList()) out.append('/').append(format(e));
        return out.isEmpty() || out.charAt(out.length() - 1) == ':' ? out.append('/').toString() : out.toString();
    }

    /** One element: {@code name[k1=v1][k2=v2]}, keys sorted. */
    public static String format(PathElem e) {
        StringBuilder out = new StringBuilder(e.getName());
        if (e.getKeyCount() == 0) return out.toString();
        // one key (every list the agent serves) is already sorted: no copy for the hot path of each leaf's key
        Map<String, String> keys = e.getKeyCount() == 1 ? e.getKeyMap() : new TreeMap<>(e.getKeyMap());
        for (Map.Entry<String, String> k : keys.entrySet()) {
            out.append('[').append(k.getKey()).append('=')
                .append(k.getValue().replace("\\", "\\\\").replace("]", "\\]")).append(']');
        }
        return out.toString();
    }
}
