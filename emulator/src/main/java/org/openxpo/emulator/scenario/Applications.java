package org.openxpo.emulator.scenario;

import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.types.ApplicationDescriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The advertised applications by the short names scenarios and the control API use ("8x1.6T", ...). */
public final class Applications {
    private Applications() {}

    private static final Map<String, ApplicationDescriptor> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("8x1.6T", ModuleConfig.APP_8X1600G);
        BY_NAME.put("16x800G", ModuleConfig.APP_16X800G);
        BY_NAME.put("32x400G", ModuleConfig.APP_32X400G);
        BY_NAME.put("64x200G", ModuleConfig.APP_64X200G);
    }

    public static List<String> names() { return List.copyOf(BY_NAME.keySet()); }

    /** The descriptors for these names, in the given order (that order is the AppSel order). */
    public static List<ApplicationDescriptor> byNames(List<String> names) {
        if (names.isEmpty()) throw new IllegalArgumentException("at least one application is needed");
        List<ApplicationDescriptor> out = new ArrayList<>();
        for (String n : names) {
            ApplicationDescriptor d = BY_NAME.get(n);
            if (d == null) throw new IllegalArgumentException("unknown application '" + n + "' (known: " + String.join(", ", names()) + ")");
            if (out.contains(d)) throw new IllegalArgumentException("application '" + n + "' is listed twice");
            out.add(d);
        }
        return out;
    }

    /** The short name of a descriptor, or its toString when it is none of the named ones. */
    public static String nameOf(ApplicationDescriptor d) {
        for (Map.Entry<String, ApplicationDescriptor> e : BY_NAME.entrySet()) if (e.getValue().equals(d)) return e.getKey();
        return d.toString();
    }
}
