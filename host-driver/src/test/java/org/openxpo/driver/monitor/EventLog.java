package org.openxpo.driver.monitor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A listener that keeps every event, for assertions. */
final class EventLog implements Consumer<MonitorEvent> {
    final List<MonitorEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(MonitorEvent e) { events.add(e); }

    long count(Predicate<MonitorEvent> p) { return events.stream().filter(p).count(); }

    void awaitEvent(String what, Predicate<MonitorEvent> p) {
        await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> count(p) > 0);
    }

    static Predicate<MonitorEvent> alarm(String name, Integer lane, boolean raised) {
        return e -> e instanceof MonitorEvent.AlarmEvent a && a.name().equals(name) && a.raised() == raised
            && java.util.Objects.equals(a.lane(), lane);
    }
}
