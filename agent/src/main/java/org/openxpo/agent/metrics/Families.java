package org.openxpo.agent.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.ArrayList;
import java.util.List;

/**
 * The metric families of one scrape, filled value by value and handed to the library's writer. A value that is not
 * a finite number (no light: −∞ dBm; a monitor the module lacks: NaN) is left out rather than exported.
 */
final class Families {
    private final List<MetricSnapshot.Builder<?>> builders = new ArrayList<>();

    /** A gauge family; {@code unit} null for a unit-less value (codes, 0/1 flags, counts). */
    Gauge gauge(String name, String help, Unit unit) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        if (unit != null) b.unit(unit);
        builders.add(b);
        return new Gauge(b);
    }

    /** A counter family; {@code name} without the {@code _total} the writer appends. */
    Counter counter(String name, String help) {
        CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help);
        builders.add(b);
        return new Counter(b);
    }

    /** An info family; {@code name} without the {@code _info} the writer appends. */
    Info info(String name, String help) {
        InfoSnapshot.Builder b = InfoSnapshot.builder().name(name).help(help);
        builders.add(b);
        return new Info(b);
    }

    MetricSnapshots snapshots() {
        List<MetricSnapshot> out = new ArrayList<>(builders.size());
        for (MetricSnapshot.Builder<?> b : builders) out.add(b.build());
        return new MetricSnapshots(out);
    }

    record Gauge(GaugeSnapshot.Builder builder) {
        /** {@code labels}: name, value, name, value, … */
        void add(double value, String... labels) {
            if (!Double.isFinite(value)) return;
            builder.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build());
        }

        void flag(boolean on, String... labels) { add(on ? 1 : 0, labels); }
    }

    record Counter(CounterSnapshot.Builder builder) {
        void add(double value, String... labels) {
            builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build());
        }
    }

    record Info(InfoSnapshot.Builder builder) {
        void add(String... labels) {
            builder.dataPoint(new InfoSnapshot.InfoDataPointSnapshot(Labels.of(labels)));
        }
    }
}
