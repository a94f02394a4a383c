package org.openxpo.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The names under which an HTTP face answers, for the {@code Host} and {@code Origin} checks: the address a
 * connection arrived on (for a loopback address also {@code localhost} and every other loopback address) and the host
 * names it was configured with, each with the port the connection arrived on. Anything else is someone else's name,
 * which is what a DNS-rebinding page sends.
 */
public final class ServerNames {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");
    /** A DNS host name: letters, digits and hyphens in dot-separated labels. */
    private static final Pattern HOST_NAME = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private final Set<String> hostNames = new TreeSet<>();

    /** {@code hostNames}: extra names clients may use (e.g. the name of a bench machine), checked with {@link #check}. */
    public ServerNames(List<String> hostNames) {
        for (String n : hostNames) this.hostNames.add(check(n).toLowerCase(Locale.ROOT));
    }

    /** {@code name} if it is a plain DNS host name (no port, no scheme), else an {@link IllegalArgumentException}. */
    public static String check(String name) {
        if (name == null || name.length() > 253 || !HOST_NAME.matcher(name).matches())
            throw new IllegalArgumentException("'" + name + "' is not a host name (letters, digits, '-' and '.')");
        return name;
    }

    /** True if {@code hostAndPort} ("localhost:9451", "[::1]:9451", "10.0.0.5:9451") names {@code local}. */
    public boolean accepts(String hostAndPort, InetSocketAddress local) {
        if (hostAndPort == null) return false;
        String host;
        int port;
        String s = hostAndPort.trim();
        int colon = s.lastIndexOf(':');
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) return false;
            host = s.substring(0, close + 1);
            port = portAfter(s, close + 1);
        } else if (colon >= 0) {
            host = s.substring(0, colon);
            port = portAfter(s, colon);
        } else {
            host = s;
            port = 80;
        }
        return port == local.getPort() && hostAccepted(host.toLowerCase(Locale.ROOT), local.getAddress());
    }

    /** What a client may send, for error messages: "localhost:9451, 127.0.0.1:9451 or [::1]:9451". */
    public String describe(InetSocketAddress local) {
        Set<String> names = new TreeSet<>(hostNames);
        InetAddress a = local.getAddress();
        if (a.isLoopbackAddress()) names.addAll(List.of("localhost", "127.0.0.1", "[::1]"));
        else names.add(literal(a));
        List<String> withPort = names.stream().map(n -> n + ":" + local.getPort()).toList();
        return withPort.size() == 1 ? withPort.get(0)
            : String.join(", ", withPort.subList(0, withPort.size() - 1)) + " or " + withPort.getLast();
    }

    private static int portAfter(String s, int at) {
        if (at == s.length()) return 80;
        if (s.charAt(at) != ':') return -1;
        try {
            return Integer.parseInt(s.substring(at + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private boolean hostAccepted(String host, InetAddress local) {
        if (hostNames.contains(host)) return true;
        InetAddress literal = addressLiteral(host);
        if (literal == null) return host.equals("localhost") && local.isLoopbackAddress();
        return literal.equals(local) || literal.isLoopbackAddress() && local.isLoopbackAddress();
    }

    /** The address an IP literal names, or null; never a DNS lookup (a name is never resolved). */
    private static InetAddress addressLiteral(String host) {
        try {
            if (host.startsWith("[") && host.endsWith("]")) {
                String v6 = host.substring(1, host.length() - 1);
                // only hex digits, ':' and '.': InetAddress then parses it as an IPv6 literal, never as a name
                return IPV6.matcher(v6).matches() && v6.contains(":") ? InetAddress.getByName(v6) : null;
            }
            if (!IPV4.matcher(host).matches()) return null;
            String[] parts = host.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int b = Integer.parseInt(parts[i]);
                if (b > 255) return null;
                bytes[i] = (byte) b;
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String literal(InetAddress a) {
        return a instanceof Inet4Address ? a.getHostAddress() : "[" + a.getHostAddress() + "]";
    }
}
