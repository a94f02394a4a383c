package org.openxpo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Voluntary context switches of this process's threads, summed by role as {@link ThreadCpu} names them: each is one
 * time a thread blocked (parked, or waited in epoll) and so one wake-up to come. Unlike wall-clock time, load on a
 * shared machine hardly changes how often a path hands work to a sleeping thread. Linux only ({@code /proc}); empty
 * elsewhere. The kernel keeps 15 characters of a thread's name, enough for the roles here.
 */
final class ThreadWakeups {
    private ThreadWakeups() {}

    /** Voluntary context switches by role, of the threads alive now. */
    static Map<String, Long> byRole() {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            out.merge(ThreadCpu.role(name.replaceAll("-$", "")),
                                Long.parseLong(line.substring(line.indexOf(':') + 1).strip()), Long::sum);
                        }
                    }
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while it was read: it is not counted, as ThreadCpu does not count it
                }
            });
        } catch (IOException notLinux) {
            return Map.of();
        }
        return out;
    }
}
