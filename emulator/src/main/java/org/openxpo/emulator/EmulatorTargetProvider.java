package org.openxpo.emulator;

import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.connector.Chassis;
import org.openxpo.protocol.connector.EmbeddedTargetProvider;

import java.util.Map;

/**
 * Gives the host driver's {@code embedded} target an in-process emulator through {@link java.util.ServiceLoader}.
 * Options: {@code cages} (default 1), {@code seed} (default 1), {@code timing=fast} for instant transitions.
 */
public final class EmulatorTargetProvider implements EmbeddedTargetProvider {
    @Override
    public String name() { return "emulator"; }

    @Override
    public Chassis create(Map<String, String> options) {
        int cages = parse(options, "cages", 1, 1, 4096);
        long seed = parse(options, "seed", 1, 0, Integer.MAX_VALUE);
        boolean fast = "fast".equals(options.getOrDefault("timing", ""));
        return new EmulatedChassis(cages, EmulatorClock.system(), i -> ModuleConfig.builder()
            .serialNumber(EmulatedChassis.serial(i)).seed(seed + i - 1)
            .timing(fast ? ModuleConfig.Timing.fast() : ModuleConfig.Timing.defaults()).build());
    }

    private static int parse(Map<String, String> options, String key, int dflt, int min, int max) {
        String v = options.get(key);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) throw new IllegalArgumentException(key + " must be " + min + "-" + max + ", not " + v);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + v + "'");
        }
    }
}
