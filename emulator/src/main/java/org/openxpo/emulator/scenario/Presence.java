package org.openxpo.emulator.scenario;

import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.emulator.module.XpoModule;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Plugging and unplugging modules the way a bench engineer does: a module pulled out of its cage is kept aside, and
 * plugging the cage again re-inserts that same module (its identity, firmware banks and mating cycles), one more
 * mating cycle on its counter. Shared by the control API and scenarios so they agree on what sits on the shelf.
 */
public final class Presence {
    private Presence() {}

    /** Modules out of their cage, per chassis; the values never reference the chassis, so it can still be collected. */
    private static final Map<EmulatedChassis, Map<Integer, XpoModule>> SHELVES =
        Collections.synchronizedMap(new WeakHashMap<>());

    private static Map<Integer, XpoModule> shelf(EmulatedChassis chassis) {
        return SHELVES.computeIfAbsent(chassis, c -> new HashMap<>());
    }

    /** Pulls the module out and keeps it aside; false if the cage was already empty. */
    public static boolean unplug(EmulatedChassis chassis, int cage) {
        Map<Integer, XpoModule> shelf = shelf(chassis);
        synchronized (shelf) {
            XpoModule m = chassis.cage(cage).unplug();
            if (m == null) return false;
            shelf.put(cage, m);
            return true;
        }
    }

    /**
     * Plugs in the module kept aside for this cage (or, for a cage that never had one, a default module timed like
     * the chassis' others); false if the cage is already occupied.
     */
    public static boolean plug(EmulatedChassis chassis, int cage) {
        Map<Integer, XpoModule> shelf = shelf(chassis);
        synchronized (shelf) {
            Cage c = chassis.cage(cage);
            if (c.present()) return false;
            XpoModule m = shelf.remove(cage);
            c.plug(m != null ? m : new XpoModule(defaultConfig(chassis, cage), chassis.clock()));
            return true;
        }
    }

    /**
     * Puts a new module for the cage aside, unplugged (the one {@link #plug} would give a cage that never had one);
     * false if the cage already has a module, plugged or aside.
     */
    public static boolean create(EmulatedChassis chassis, int cage) {
        Map<Integer, XpoModule> shelf = shelf(chassis);
        synchronized (shelf) {
            if (chassis.cage(cage).present() || shelf.containsKey(cage)) return false;
            shelf.put(cage, new XpoModule(defaultConfig(chassis, cage), chassis.clock()));
            return true;
        }
    }

    /** Pulls the cage's module out if it is plugged and forgets it; false if the cage had no module, plugged or aside. */
    public static boolean delete(EmulatedChassis chassis, int cage) {
        Map<Integer, XpoModule> shelf = shelf(chassis);
        synchronized (shelf) {
            boolean pulled = chassis.cage(cage).unplug() != null;
            return shelf.remove(cage) != null || pulled;
        }
    }

    /** The module in the cage or, if the cage is empty, the one kept aside for it (null if neither). */
    public static XpoModule module(EmulatedChassis chassis, int cage) {
        Map<Integer, XpoModule> shelf = shelf(chassis);
        synchronized (shelf) {
            XpoModule m = chassis.cage(cage).module();
            return m != null ? m : shelf.get(cage);
        }
    }

    /** Puts {@code module} where the cage's module is now: in the cage if it is occupied, else on the shelf. */
    static void replace(EmulatedChassis chassis, int cage, XpoModule module) {
        Map<Integer, XpoModule> shelf = shelf(chassis);
        synchronized (shelf) {
            Cage c = chassis.cage(cage);
            if (c.present()) {
                c.unplug();
                c.plug(module);
            } else {
                shelf.put(cage, module);
            }
        }
    }

    /** Forgets every module kept aside for the chassis' cages. */
    static void clearShelf(EmulatedChassis chassis) {
        Map<Integer, XpoModule> shelf = shelf(chassis);
        synchronized (shelf) {
            shelf.clear();
        }
    }

    /** The module a cage that never had one gets: default identity, timed like the chassis' other modules. */
    static ModuleConfig defaultConfig(EmulatedChassis chassis, int cage) {
        ModuleConfig.Builder b = ModuleConfig.builder().serialNumber(EmulatedChassis.serial(cage)).seed(cage);
        Map<Integer, XpoModule> shelf = shelf(chassis);
        ModuleConfig sibling;
        synchronized (shelf) {
            sibling = anyConfig(chassis, shelf);
        }
        if (sibling != null) b.timing(sibling.timing());
        return b.build();
    }

    private static ModuleConfig anyConfig(EmulatedChassis chassis, Map<Integer, XpoModule> shelf) {
        for (int n : chassis.cages()) {
            XpoModule m = chassis.cage(n).module();
            if (m != null) return m.config();
        }
        return shelf.isEmpty() ? null : shelf.values().iterator().next().config();
    }
}
