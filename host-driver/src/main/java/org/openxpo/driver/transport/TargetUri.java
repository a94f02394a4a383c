package org.openxpo.driver.transport;

import org.openxpo.protocol.connector.Pin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a module is, as one string used everywhere (CLI, tests, config):
 * <ul>
 *   <li>{@code embedded} or {@code embedded?cage=2&cages=4&seed=7&timing=fast}: an in-process emulated module;</li>
 *   <li>{@code tcp://HOST:PORT/CAGE}: the emulator link, I2C;</li>
 *   <li>{@code i3c+tcp://HOST:PORT/CAGE}: the emulator link, I3C (dynamic address assigned at open, IBIs);</li>
 *   <li>{@code pi4j://BUS/ADDRESS?resetL=GPIO&lpMode=GPIO&intL=GPIO&modPrsL=GPIO}: a real module on a Raspberry
 *   Pi's I2C bus (address like {@code 0x50}), sideband pins on BCM GPIO lines (each optional;
 *   {@code powerEnable}/{@code powerGood} too).</li>
 * </ul>
 */
public record TargetUri(Kind kind, String host, int port, int cage, int bus, int address, Map<String, String> options) {

    public enum Kind { EMBEDDED, LINK_I2C, LINK_I3C, PI4J }

    public static final int DEFAULT_LINK_PORT = 9450;
    private static final Set<String> EMBEDDED_OPTIONS = Set.of("cage", "cages", "seed", "timing");
    private static final Set<String> PI4J_OPTIONS = pi4jOptions();

    public TargetUri {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Parses a target URI; any problem gives one IllegalArgumentException whose message says what is wrong. */
    public static TargetUri parse(String text) {
        if (text == null || text.isBlank()) throw bad(text, "empty target");
        String t = text.trim();
        try {
            if (t.equals("embedded") || t.startsWith("embedded?")) return embedded(t);
            if (t.startsWith("tcp://")) return link(t, "tcp://", Kind.LINK_I2C);
            if (t.startsWith("i3c+tcp://")) return link(t, "i3c+tcp://", Kind.LINK_I3C);
            if (t.startsWith("pi4j://")) return pi4j(t);
        } catch (NumberFormatException e) {
            throw bad(t, "a number is malformed (" + e.getMessage() + ")");
        }
        throw bad(t, "unknown kind; use embedded, tcp://HOST:PORT/CAGE, i3c+tcp://HOST:PORT/CAGE or "
            + "pi4j://BUS/ADDRESS?resetL=..&lpMode=..&intL=..&modPrsL=..");
    }

    private static TargetUri embedded(String t) {
        Map<String, String> q = query(t, t.indexOf('?'), EMBEDDED_OPTIONS);
        int cages = intOpt(t, q, "cages", 1, 1, 4096);
        int cage = intOpt(t, q, "cage", 1, 1, cages);
        return new TargetUri(Kind.EMBEDDED, null, 0, cage, 0, 0, q);
    }

    private static TargetUri link(String t, String prefix, Kind kind) {
        String rest = t.substring(prefix.length());
        int q = rest.indexOf('?');
        if (q >= 0) throw bad(t, "link targets take no options");
        int slash = rest.indexOf('/');
        if (slash < 0) throw bad(t, "missing /CAGE (cages are numbered from 1)");
        String hostPort = rest.substring(0, slash);
        String cageText = rest.substring(slash + 1);
        String host;
        int port = DEFAULT_LINK_PORT;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) throw bad(t, "unclosed IPv6 address");
            host = hostPort.substring(1, close);
            if (close + 1 < hostPort.length()) {
                if (hostPort.charAt(close + 1) != ':') throw bad(t, "expected :PORT after the IPv6 address");
                port = Integer.parseInt(hostPort.substring(close + 2));
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            if (colon >= 0) port = Integer.parseInt(hostPort.substring(colon + 1));
        }
        if (host.isEmpty()) throw bad(t, "missing host");
        if (port < 1 || port > 65535) throw bad(t, "port " + port + " is outside 1-65535");
        int cage = Integer.parseInt(cageText);
        if (cage < 1) throw bad(t, "cage " + cage + " (cages are numbered from 1)");
        return new TargetUri(kind, host, port, cage, 0, 0, Map.of());
    }

    private static TargetUri pi4j(String t) {
        String rest = t.substring("pi4j://".length());
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        String[] parts = path.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw bad(t, "expected pi4j://BUS/ADDRESS, e.g. pi4j://1/0x50");
        }
        int bus = Integer.parseInt(parts[0]);
        int address = parts[1].toLowerCase().startsWith("0x") ? Integer.parseInt(parts[1].substring(2), 16)
            : Integer.parseInt(parts[1]);
        if (bus < 0 || bus > 255) throw bad(t, "I2C bus " + bus + " is outside 0-255");
        if (address < 0x03 || address > 0x77) throw bad(t, String.format("I2C address 0x%02X is outside 0x03-0x77", address));
        Map<String, String> opts = query(t, q < 0 ? -1 : "pi4j://".length() + q, PI4J_OPTIONS);
        for (var e : opts.entrySet()) {
            if (e.getKey().equals("chip")) continue;
            int gpio = Integer.parseInt(e.getValue());
            if (gpio < 0 || gpio > 63) throw bad(t, e.getKey() + "=" + gpio + " is not a GPIO line (0-63)");
        }
        return new TargetUri(Kind.PI4J, null, 0, 1, bus, address, opts);
    }

    private static Map<String, String> query(String t, int at, Set<String> allowed) {
        Map<String, String> out = new LinkedHashMap<>();
        if (at < 0) return out;
        String q = t.substring(at + 1);
        if (q.isEmpty()) return out;
        for (String pair : q.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) throw bad(t, "option '" + pair + "' is not NAME=VALUE");
            String k = pair.substring(0, eq);
            if (!allowed.contains(k)) throw bad(t, "unknown option '" + k + "' (known: " + String.join(", ", allowed) + ")");
            if (out.put(k, pair.substring(eq + 1)) != null) throw bad(t, "option '" + k + "' given twice");
        }
        return out;
    }

    private static int intOpt(String t, Map<String, String> q, String key, int dflt, int min, int max) {
        String v = q.get(key);
        if (v == null) return dflt;
        int n = Integer.parseInt(v);
        if (n < min || n > max) throw bad(t, key + "=" + n + " is outside " + min + "-" + max);
        return n;
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("invalid target '" + text + "': " + why);
    }

    /** GPIO line of a pi4j pin option, or -1 when not wired. */
    public int gpio(String pin) {
        String v = options.get(pin);
        return v == null ? -1 : Integer.parseInt(v);
    }

    /** GPIO line {@code pin} is wired to in a pi4j target, or -1 when not wired. */
    public int gpio(Pin pin) { return gpio(gpioOption(pin)); }

    /** The pi4j option that wires {@code pin} to a GPIO line ({@code resetL=17}). */
    public static String gpioOption(Pin pin) {
        return switch (pin) {
            case RESET_L -> "resetL";
            case LP_MODE -> "lpMode";
            case POWER_ENABLE -> "powerEnable";
            case INT_L -> "intL";
            case MOD_PRS_L -> "modPrsL";
            case POWER_GOOD -> "powerGood";
        };
    }

    /** A GPIO line per pin, and the GPIO chip; in pin order, as the error for an unknown option lists them. */
    private static Set<String> pi4jOptions() {
        Set<String> out = new LinkedHashSet<>();
        for (Pin pin : Pin.values()) out.add(gpioOption(pin));
        out.add("chip");
        return Collections.unmodifiableSet(out);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case EMBEDDED -> options.isEmpty() ? "embedded" : "embedded?" + join();
            case LINK_I2C -> "tcp://" + hostText() + ":" + port + "/" + cage;
            case LINK_I3C -> "i3c+tcp://" + hostText() + ":" + port + "/" + cage;
            case PI4J -> String.format("pi4j://%d/0x%02X", bus, address) + (options.isEmpty() ? "" : "?" + join());
        };
    }

    private String hostText() { return host.contains(":") ? "[" + host + "]" : host; }

    private String join() {
        StringBuilder sb = new StringBuilder();
        options.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return sb.toString();
    }
}
