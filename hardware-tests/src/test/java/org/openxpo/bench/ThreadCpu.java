package org.openxpo.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of the live threads, summed by role (the thread's name without its pool and thread numbers:
 * {@code xpo-link-io-3-1} → {@code xpo-link-io}). CPU per operation is a figure load on a shared machine distorts
 * much less than wall-clock time.
 */
final class ThreadCpu {
    private ThreadCpu() {}

    /** Nanoseconds of CPU by role, of the threads alive now (a thread that ended is not counted). */
    static Map<String, Long> byRole() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long ns = mx.getThreadCpuTime(t.threadId());
            if (ns > 0) out.merge(role(t.getName()), ns, Long::sum);
        }
        return out;
    }

    /** {@code after − before} by role, only the roles that used CPU in between. */
    static Map<String, Long> used(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> out = new TreeMap<>();
        after.forEach((role, ns) -> {
            long d = ns - before.getOrDefault(role, 0L);
            if (d > 0) out.put(role, d);
        });
        return out;
    }

    static String role(String threadName) { return threadName.replaceAll("(-\\d+)+$", ""); }
}
