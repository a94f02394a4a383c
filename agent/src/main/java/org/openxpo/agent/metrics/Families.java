package org.openxpo.agent.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The metric families of one scrape, filled value by value (modules in name order) and handed to the library's
 * writer in the library's own order (see {@link Series}). A value that is not a finite number (no light: −∞ dBm; a
 * monitor the module lacks: NaN) is left out rather than exported.
 */
final class Families {
    private final List<Family<?>> families = new ArrayList<>();

    /** A gauge family; {@code unit} null for a unit-less value (codes, 0/1 flags, counts). */
    Gauge gauge(String name, String help, Unit unit) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        if (unit != null) b.unit(unit);
        return add(new Gauge(b));
    }

    /** A counter family; {@code name} without the {@code _total} the writer appends. */
    Counter counter(String name, String help) { return add(new Counter(CounterSnapshot.builder().name(name).help(help))); }

    /** An info family; {@code name} without the {@code _info} the writer appends. */
    Info info(String name, String help) { return add(new Info(InfoSnapshot.builder().name(name).help(help))); }

    private <F extends Family<?>> F add(F family) {
        families.add(family);
        return family;
    }

    MetricSnapshots snapshots() {
        List<MetricSnapshot> out = new ArrayList<>(families.size());
        for (Family<?> f : families) out.add(f.build());
        return new MetricSnapshots(out);
    }

    /** One family's data points, filed by the number of their {@link Series.Group}. */
    abstract static sealed class Family<P extends DataPointSnapshot> permits Gauge, Counter, Info {
        private final MetricSnapshot.Builder<?> builder;
        private final Consumer<P> toBuilder;
        private GroupPoints<P>[] groups = newGroups(64);

        Family(MetricSnapshot.Builder<?> builder, Consumer<P> toBuilder) {
            this.builder = builder;
            this.toBuilder = toBuilder;
        }

        final void put(Series series, P point) {
            int g = series.group();
            if (g >= groups.length) groups = java.util.Arrays.copyOf(groups, Math.max(g + 1, 2 * groups.length));
            GroupPoints<P> points = groups[g];
            if (points == null) groups[g] = points = new GroupPoints<>();
            points.add(series, point);
        }

        final MetricSnapshot build() {
            forEachOrdered(toBuilder);
            return builder.build();
        }

        /** The points in the order the library sorts them into. */
        final List<P> ordered() {
            List<P> points = new ArrayList<>();
            forEachOrdered(points::add);
            return points;
        }

        private void forEachOrdered(Consumer<P> to) {
            List<Integer> used = new ArrayList<>();
            for (int g = 0; g < groups.length; g++) if (groups[g] != null) used.add(g);
            used.sort(Comparator.comparing(Series::groupNumbered, Series.Group.ORDER));
            for (int g : used) groups[g].points.forEach(to);
        }

        @SuppressWarnings("unchecked")
        private static <P> GroupPoints<P>[] newGroups(int n) { return (GroupPoints<P>[]) new GroupPoints<?>[n]; }
    }

    /**
     * The points of one group in series order. Modules come in name order, so a point sorts after the group's last
     * unless it belongs to the same module and sorts before it by its later labels (a lane's host side after its media
     * side): then it moves back past that module's few points.
     */
    private static final class GroupPoints<P> {
        final List<P> points = new ArrayList<>();
        final List<Series> series = new ArrayList<>();

        void add(Series s, P point) {
            int at = series.size();
            while (at > 0 && series.get(at - 1).module().equals(s.module()) && !s.after(series.get(at - 1))) at--;
            series.add(at, s);
            points.add(at, point);
        }
    }

    static final class Gauge extends Family<GaugeSnapshot.GaugeDataPointSnapshot> {
        Gauge(GaugeSnapshot.Builder b) { super(b, b::dataPoint); }

        /** {@code labels}: name, value, name, value, … */
        void add(double value, String... labels) { add(value, Series.of(Labels.of(labels))); }

        void flag(boolean on, String... labels) { add(on ? 1 : 0, labels); }

        /** As above with a label set made once and kept (a module's, a lane's). */
        void add(double value, Series series) {
            if (Double.isFinite(value)) put(series, new GaugeSnapshot.GaugeDataPointSnapshot(value, series.labels(), null));
        }

        void flag(boolean on, Series series) { add(on ? 1 : 0, series); }
    }

    static final class Counter extends Family<CounterSnapshot.CounterDataPointSnapshot> {
        Counter(CounterSnapshot.Builder b) { super(b, b::dataPoint); }

        void add(double value, Series series) {
            put(series, new CounterSnapshot.CounterDataPointSnapshot(value, series.labels(), null, 0));
        }
    }

    static final class Info extends Family<InfoSnapshot.InfoDataPointSnapshot> {
        Info(InfoSnapshot.Builder b) { super(b, b::dataPoint); }

        void add(String... labels) {
            Series s = Series.of(Labels.of(labels));
            put(s, new InfoSnapshot.InfoDataPointSnapshot(s.labels()));
        }
    }
}
