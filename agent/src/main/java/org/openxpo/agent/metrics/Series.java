package org.openxpo.agent.metrics;

import io.prometheus.metrics.model.snapshots.Labels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A label set with where it sorts among the series of one family. The library sorts each family by label names, then
 * values, whenever it builds one; at 1,024 modules that is a million series a scrape, and sorting them from the order
 * they are gathered in (module by module) was a third of a scrape's work. The library's order is (names, the values
 * before {@code module}, the module, the values after it), so {@link Families} files each series under its
 * {@link Group} (by number) and hands them over group by group, modules by name within each: one pass for the library's sort.
 *
 * @param module the {@code module} label's value, or "" when there is none
 * @param rest   the values after the module's, joined
 */
record Series(Labels labels, int group, String module, String rest) {
    private static final String MODULE = "module";
    /** Groups by number, numbered as first seen: every module's lane 12 shares one, so a family files by index. */
    private static final Map<Group, Integer> NUMBERS = new ConcurrentHashMap<>();
    private static final List<Group> GROUPS = Collections.synchronizedList(new ArrayList<>());

    /** The label names and the values sorting before the module's, each joined with a character no name or value has. */
    record Group(String names, String before) {
        static final Comparator<Group> ORDER = Comparator.comparing(Group::names).thenComparing(Group::before);
    }

    static Series of(Labels labels) {
        StringBuilder names = new StringBuilder(), before = new StringBuilder(), after = new StringBuilder();
        String module = null;
        for (int i = 0; i < labels.size(); i++) {
            String name = labels.getPrometheusName(i);
            join(names, name);
            if (name.equals(MODULE)) module = labels.getValue(i);
            else join(module == null ? before : after, labels.getValue(i));
        }
        int group = NUMBERS.computeIfAbsent(new Group(names.toString(), before.toString()), g -> {
            synchronized (GROUPS) {
                GROUPS.add(g);
                return GROUPS.size() - 1;
            }
        });
        return new Series(labels, group, module == null ? "" : module, after.toString().intern());
    }

    /** The group numbered {@code number}. */
    static Group groupNumbered(int number) { return GROUPS.get(number); }

    /** Joined with NUL: it sorts below every other character, so joined strings compare as the lists do. */
    private static void join(StringBuilder to, String part) {
        if (!to.isEmpty()) to.append('\0');
        to.append(part);
    }

    /** True when this series sorts after {@code other} of the same group (same module: by the values after it). */
    boolean after(Series other) {
        int m = module == other.module ? 0 : module.compareTo(other.module);
        return m != 0 ? m > 0 : rest.compareTo(other.rest) > 0;
    }
}
