package org.openxpo.agent.metrics;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The agent process's own figures — CPU seconds, resident memory, heap and its pools after collection, GC time,
 * threads — as the library's JVM metrics ({@code process_…}, {@code jvm_…}), so the agent can be sized from its own
 * {@code /metrics}. They describe the whole process, so they are registered once per JVM (the library keeps every
 * registry it registers them in, with GC listeners for each) and each server's registry reads them from there.
 */
public final class ProcessFigures implements MultiCollector {
    private static final PrometheusRegistry JVM = new PrometheusRegistry();

    static {
        JvmMetrics.builder().register(JVM);
    }

    @Override
    public MetricSnapshots collect() { return JVM.scrape(); }
}
