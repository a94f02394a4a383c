package org.openxpo.emulator.scenario;

import org.openxpo.emulator.Ranges;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.link.LinkLimits;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.types.ApplicationDescriptor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A checked scenario: how each named cage starts (module identity, applications, presence, power pins) and the
 * timed fault script it then runs. {@link #parse} rejects anything it does not understand with a message naming
 * the field, so a typo never turns into a scenario that silently does less.
 */
public final class Scenario {
    /** Module identity; null members keep the module's own value. */
    public record Identity(String vendor, String partNumber, String serialNumber, Integer firmwareMajor,
                           Integer firmwareMinor) {}

    /** What the scenario says about one cage; null members leave that aspect as it is. */
    public record CageSetup(int cage, Boolean present, Identity identity, List<ApplicationDescriptor> applications,
                            Boolean powerEnable, Boolean lpMode, List<ScriptStep> script) {}

    /** The vendor name, part number and serial number fields are equally long (00h:129-144, 148-163, 166-181). */
    private static final int ASCII_FIELD = AdminPages.VENDOR_NAME.byteLength();

    private final String description;
    private final Long seed;
    private final TreeMap<Integer, CageSetup> cages;

    private Scenario(String description, Long seed, TreeMap<Integer, CageSetup> cages) {
        this.description = description;
        this.seed = seed;
        this.cages = cages;
    }

    public static Scenario parse(String json) {
        ScenarioJson.Document doc = StrictJson.read(json, ScenarioJson.Document.class);
        TreeMap<Integer, CageSetup> cages = new TreeMap<>();
        Map<Integer, String> keyOf = new TreeMap<>();
        if (doc.cages() != null) {
            for (Map.Entry<String, ScenarioJson.CageJson> e : doc.cages().entrySet()) {
                String key = e.getKey();
                if (e.getValue() == null) throw new IllegalArgumentException("cages." + key + ": must be an object");
                for (int n : cageRange(key)) {
                    String before = keyOf.putIfAbsent(n, key);
                    if (before != null)
                        throw new IllegalArgumentException("cage " + n + " is named twice: by '" + before + "' and '" + key + "'");
                    cages.put(n, setup(n, "cages." + key, e.getValue()));
                }
            }
        }
        if (doc.seed() != null && doc.seed() < 0) throw new IllegalArgumentException("seed must be 0 or more");
        return new Scenario(doc.description(), doc.seed(), cages);
    }

    /** Reads a scenario file; errors start with the file name. */
    public static Scenario read(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("scenario file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read scenario " + file + ": " + e, e);
        }
        try {
            return parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scenario " + file + ": " + e.getMessage(), e);
        }
    }

    public String description() { return description; }

    public OptionalLong seed() { return seed == null ? OptionalLong.empty() : OptionalLong.of(seed); }

    /** The same scenario with another seed (a command-line --seed wins over the file's). */
    public Scenario withSeed(long newSeed) { return new Scenario(description, newSeed, cages); }

    public Collection<CageSetup> cages() { return cages.values(); }

    /** The highest cage number the scenario names (0 if none). */
    public int highestCage() { return cages.isEmpty() ? 0 : cages.lastKey(); }

    /** The setup of {@code cage}, or null if the scenario does not name it. */
    public CageSetup cage(int cage) { return cages.get(cage); }

    /** {@code base} with what the scenario says about this cage's module (identity, applications, seed). */
    public ModuleConfig moduleConfig(int cage, ModuleConfig base) {
        ModuleConfig.Builder b = base.toBuilder();
        if (seed != null) b.seed(seed + cage - 1);
        CageSetup s = cages.get(cage);
        if (s != null && s.identity() != null) {
            Identity id = s.identity();
            if (id.vendor() != null) b.vendorName(id.vendor());
            if (id.partNumber() != null) b.partNumber(id.partNumber());
            if (id.serialNumber() != null) b.serialNumber(id.serialNumber());
            if (id.firmwareMajor() != null) b.firmware(id.firmwareMajor(), id.firmwareMinor());
        }
        if (s != null && s.applications() != null) b.applications(s.applications()).defaultAppSel(1);
        return b.build();
    }

    // ------------------------------------------------------------------ checks

    /** "3" or "2-8". */
    private static List<Integer> cageRange(String key) {
        String[] parts = key.split("-", -1);
        try {
            int from = Integer.parseInt(parts[0].trim());
            int to = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : from;
            if (parts.length > 2 || from < 1 || to > LinkLimits.MAX_CAGES || to < from) throw new NumberFormatException();
            List<Integer> out = new ArrayList<>();
            for (int n = from; n <= to; n++) out.add(n);
            return out;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cages." + key + ": a cage key is a number (\"3\") or a range (\"2-8\") within 1-" + LinkLimits.MAX_CAGES);
        }
    }

    private static CageSetup setup(int cage, String at, ScenarioJson.CageJson c) {
        List<ApplicationDescriptor> apps = null;
        if (c.applications() != null) {
            try {
                apps = Applications.byNames(c.applications());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ".applications: " + e.getMessage());
            }
        }
        Boolean powerEnable = c.power() == null ? null : c.power().powerEnable();
        Boolean lpMode = c.power() == null ? null : c.power().lpMode();
        return new CageSetup(cage, c.present(), identity(at + ".identity", c.identity()), apps, powerEnable, lpMode,
            script(at + ".script", c.script()));
    }

    private static Identity identity(String at, ScenarioJson.IdentityJson id) {
        if (id == null) return null;
        ascii(at + ".vendor", id.vendor());
        ascii(at + ".partNumber", id.partNumber());
        ascii(at + ".serialNumber", id.serialNumber());
        Integer major = null, minor = null;
        if (id.firmware() != null) {
            String[] v = id.firmware().split("\\.", -1);
            try {
                if (v.length != 2) throw new NumberFormatException();
                major = Integer.parseInt(v[0]);
                minor = Integer.parseInt(v[1]);
                if (major < 0 || major > 255 || minor < 0 || minor > 255) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(at + ".firmware: '" + id.firmware() + "' is not MAJOR.MINOR (each 0-255), e.g. \"1.2\"");
            }
            // CMIS 5.3 §8.2.9 (00h:39-40) gives two versions a meaning of their own: a host would misread them
            if (major == 0 && minor == 0)
                throw new IllegalArgumentException(at + ".firmware: '0.0' is reserved: CMIS reads it as \"the module has no firmware\"");
            if (major == 255 && minor == 255)
                throw new IllegalArgumentException(at + ".firmware: '255.255' is reserved: CMIS reads it as \"the active image is invalid\"");
        }
        return new Identity(id.vendor(), id.partNumber(), id.serialNumber(), major, minor);
    }

    private static void ascii(String at, String s) {
        if (s == null) return;
        if (s.isEmpty() || s.length() > ASCII_FIELD || !s.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7F))
            throw new IllegalArgumentException(at + ": must be 1-" + ASCII_FIELD + " printable ASCII characters, not '" + s + "'");
        // CMIS pads these fields with spaces, so all spaces reads as "not given"
        if (s.isBlank()) throw new IllegalArgumentException(at + ": must not be only spaces (CMIS reads that as empty)");
    }

    private static List<ScriptStep> script(String at, List<ScenarioJson.StepJson> steps) {
        List<ScriptStep> out = new ArrayList<>();
        if (steps == null) return out;
        int lastInject = -1;
        long lastAt = 0;
        for (int i = 0; i < steps.size(); i++) {
            String here = at + "[" + i + "]";
            ScenarioJson.StepJson s = steps.get(i);
            if (s == null) throw new IllegalArgumentException(here + ": must be an object");
            if (s.atMs() == null) throw new IllegalArgumentException(here + ": needs \"atMs\"");
            Ranges.check(here + ".atMs", s.atMs(), 0, Ranges.MAX_SCRIPT_MS, "365 days");
            if (s.atMs() < lastAt)
                throw new IllegalArgumentException(here + ".atMs: " + s.atMs() + " is before the previous step (" + lastAt + "); keep steps in time order");
            lastAt = s.atMs();
            if ((s.fault() == null) == (s.clear() == null))
                throw new IllegalArgumentException(here + ": needs exactly one of \"fault\" and \"clear\"");
            if (s.fault() != null) {
                out.add(new ScriptStep.Inject(s.atMs(), s.fault()));
                lastInject = i;
            } else {
                out.add(clearStep(here + ".clear", s.atMs(), s.clear(), lastInject, out));
            }
        }
        return List.copyOf(out);
    }

    private static ScriptStep clearStep(String at, long atMs, Object clear, int lastInject, List<ScriptStep> before) {
        if ("all".equals(clear)) return new ScriptStep.ClearAll(atMs);
        if ("previous".equals(clear)) {
            if (lastInject < 0) throw new IllegalArgumentException(at + ": there is no earlier fault step to clear");
            return new ScriptStep.Clear(atMs, lastInject);
        }
        if (clear instanceof Integer index) {
            if (index < 0 || index >= before.size() || !(before.get(index) instanceof ScriptStep.Inject))
                throw new IllegalArgumentException(at + ": " + index + " is not the index of an earlier fault step");
            return new ScriptStep.Clear(atMs, index);
        }
        throw new IllegalArgumentException(at + ": must be \"previous\", \"all\" or the index of an earlier fault step, not " + clear);
    }
}
