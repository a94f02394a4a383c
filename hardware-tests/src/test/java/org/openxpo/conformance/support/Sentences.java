package org.openxpo.conformance.support;

import org.junit.jupiter.api.DisplayNameGenerator;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Display names for the report: a check method {@code resetLHeldLowKeepsTheModuleSilent} reads "ResetL held low keeps
 * the module silent", {@code unknownCommandIsRefusedWithStatus41h} "unknown command is refused with status 41h";
 * register and signal names stay as the profile spells them.
 */
public final class Sentences extends DisplayNameGenerator.Standard {
    /** Spellings in method names → how the report writes them (longest first where one prefixes another). */
    private static final Map<String, String> KEEP = new LinkedHashMap<>();
    static {
        for (String k : List.of("ModuleStateChanged", "DPStateChangedFlag", "PowerEnable", "PowerGood", "ModPrsL",
                "ResetL", "LPMode", "IntL", "DPInitPending", "DPInit", "PwrUp", "PwrDn", "AppSel", "OSFP", "XPO",
                "CDB", "IBI", "Tx", "Rx")) {
            KEEP.put(k, k);
        }
        KEEP.put("intL", "IntL");
        KEEP.put("lpMode", "LPMode");
        KEEP.put("resetL", "ResetL");
        KEEP.put("powerEnable", "PowerEnable");
        KEEP.put("powerGood", "PowerGood");
        for (String k : List.of("Osfp", "Xpo", "Cdb", "Ibi", "Pid", "Bcr", "Dcr", "Epl", "Cmis")) {
            KEEP.put(k, k.toUpperCase());
            KEEP.put(k.toLowerCase(), k.toUpperCase());
        }
        KEEP.put("i3c", "I3C");
        KEEP.put("I2c", "I2C");
        KEEP.put("I3c", "I3C");
    }

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosing, Class<?> testClass, Method method) {
        return sentence(method.getName());
    }

    /** camelCase → words; names the profile spells in capitals, page numbers like B0h and 41h stay whole. */
    public static String sentence(String camel) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < camel.length()) {
            String kept = keptAt(camel, i);
            if (kept != null) {
                words.add(KEEP.get(kept));
                i += kept.length();
                continue;
            }
            int j = i + 1;
            char c = camel.charAt(i);
            if (Character.isDigit(c) || (Character.isUpperCase(c) && j < camel.length() && Character.isDigit(camel.charAt(j)))) {
                while (j < camel.length() && Character.isDigit(camel.charAt(j))) j++;
                if (j < camel.length() && camel.charAt(j) == 'h' && ends(camel, j + 1)) j++;   // 41h, B0h
                words.add(camel.substring(i, j));
            } else {
                while (j < camel.length() && Character.isLowerCase(camel.charAt(j)) && keptAt(camel, j) == null) j++;
                words.add(camel.substring(i, j).toLowerCase());
            }
            i = j;
        }
        return String.join(" ", words);
    }

    private static boolean ends(String s, int at) { return at == s.length() || !Character.isLowerCase(s.charAt(at)); }

    private static String keptAt(String s, int i) {
        for (String k : KEEP.keySet()) {
            if (s.startsWith(k, i) && ends(s, i + k.length()) && (i == 0 || Character.isUpperCase(k.charAt(0)))) return k;
        }
        return null;
    }
}
