package org.openxpo.emulator.scenario;

import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.protocol.connector.Pin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Applies a {@link Scenario} to a chassis and plays its fault scripts on the chassis clock. Steps run in time order
 * (ties by cage, then script order). On a {@link VirtualClock} a step runs during the first advance that reaches its
 * time, so the result depends only on how the test moves the clock; on wall-clock time a timer thread runs it.
 * A chassis plays one scenario at a time: starting another stops the previous one's remaining steps.
 */
public final class ScenarioRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);
    /** The scenario each chassis plays; a runner never references its chassis, so the chassis can be collected. */
    private static final Map<EmulatedChassis, ScenarioRunner> PLAYING = Collections.synchronizedMap(new WeakHashMap<>());

    private record Due(long atNanos, Cage cage, int index, ScriptStep step) {}

    /**
     * How far a scenario has played: its description, its steps (all cages together), how many have run (a step for
     * an empty cage counts as run: it was skipped), the emulated time since it was applied, when the next step is due
     * (null when none is left) and whether every step has run.
     */
    public record Progress(String description, int steps, int done, long elapsedMs, Long nextStepAtMs,
                           boolean finished) {}

    private final EmulatorClock clock;
    private final String description;
    private final long startNanos;
    private final int steps;
    private int done;
    private final List<Due> pending = new ArrayList<>();
    /** Fault ids by (cage, step index) of the steps that injected them. */
    private final Map<String, String> injected = new HashMap<>();
    private final Runnable onAdvance = this::runDue;
    private final ScheduledExecutorService timer;
    private boolean closed;

    private ScenarioRunner(EmulatorClock clock, String description, long startNanos, List<Due> steps) {
        this.clock = clock;
        this.description = description;
        this.startNanos = startNanos;
        this.steps = steps.size();
        this.pending.addAll(steps);
        this.timer = clock instanceof VirtualClock ? null : Executors.newSingleThreadScheduledExecutor(r ->
            Thread.ofPlatform().daemon().name("xpo-scenario").unstarted(r));
    }

    /** Sets the chassis up as the scenario says, then starts its scripts from the clock's current time. */
    public static ScenarioRunner start(EmulatedChassis chassis, Scenario scenario) {
        if (scenario.highestCage() > chassis.size())
            throw new IllegalArgumentException("the scenario names cage " + scenario.highestCage() + " but the chassis has "
                + chassis.size() + (chassis.size() == 1 ? " cage" : " cages"));
        ScenarioRunner previous = PLAYING.remove(chassis);
        if (previous != null) previous.close();
        for (Scenario.CageSetup s : scenario.cages()) setUp(chassis, scenario, s);
        long start = chassis.clock().nanos();
        List<Due> steps = new ArrayList<>();
        for (Scenario.CageSetup s : scenario.cages()) {
            for (int i = 0; i < s.script().size(); i++) {
                ScriptStep step = s.script().get(i);
                steps.add(new Due(after(start, step.atMs()), chassis.cage(s.cage()), i, step));
            }
        }
        steps.sort(Comparator.comparingLong(Due::atNanos).thenComparingInt(d -> d.cage().number()).thenComparingInt(Due::index));
        ScenarioRunner runner = new ScenarioRunner(chassis.clock(), scenario.description(), start, steps);
        PLAYING.put(chassis, runner);
        runner.arm();
        return runner;
    }

    /** {@code ms} (never negative) after {@code start}, saturating: a far step never wraps round into the past. */
    private static long after(long start, long ms) {
        long due = start + TimeUnit.MILLISECONDS.toNanos(ms);
        return due < start ? Long.MAX_VALUE : due;
    }

    /** Identity and applications first (a different module is a new module), then pins, then presence. */
    private static void setUp(EmulatedChassis chassis, Scenario scenario, Scenario.CageSetup s) {
        XpoModule current = Presence.module(chassis, s.cage());
        ModuleConfig base = current != null ? current.config() : Presence.defaultConfig(chassis, s.cage());
        ModuleConfig wanted = scenario.moduleConfig(s.cage(), base);
        if (current == null || !wanted.equals(base)) {
            Presence.replace(chassis, s.cage(), new XpoModule(wanted, chassis.clock()));
        }
        Cage cage = chassis.cage(s.cage());
        if (s.powerEnable() != null) cage.writePin(Pin.POWER_ENABLE, s.powerEnable());
        if (s.lpMode() != null) cage.writePin(Pin.LP_MODE, s.lpMode());
        if (Boolean.TRUE.equals(s.present())) Presence.plug(chassis, s.cage());
        if (Boolean.FALSE.equals(s.present())) Presence.unplug(chassis, s.cage());
    }

    private void arm() {
        if (clock instanceof VirtualClock v) {
            v.onAdvance(onAdvance);
        } else {
            long now = clock.nanos();
            for (Due d : pending) {
                long wallDelay = (long) (Math.max(0, d.atNanos() - now) / clock.rate());
                timer.schedule(this::runDue, wallDelay, TimeUnit.NANOSECONDS);
            }
        }
        runDue();
    }

    /** The scenario the chassis plays now (the latest one started and not closed), if any. */
    public static Optional<ScenarioRunner> playing(EmulatedChassis chassis) {
        return Optional.ofNullable(PLAYING.get(chassis));
    }

    /** Steps not run yet. */
    public synchronized int pendingSteps() { return pending.size(); }

    public synchronized Progress progress() {
        long elapsed = Math.max(0, clock.nanos() - startNanos);
        Long next = pending.isEmpty() ? null : TimeUnit.NANOSECONDS.toMillis(pending.get(0).atNanos() - startNanos);
        return new Progress(description, steps, done, TimeUnit.NANOSECONDS.toMillis(elapsed), next, done == steps);
    }

    private synchronized void runDue() {
        long now = clock.nanos();
        while (!closed && !pending.isEmpty() && pending.get(0).atNanos() <= now) {
            Due d = pending.remove(0);
            done++;
            try {
                run(d);
            } catch (RuntimeException e) {
                LOG.warn("scenario: cage {} step {} failed: {}", d.cage().number(), d.index(), e.toString());
            }
        }
    }

    private void run(Due d) {
        int cage = d.cage().number();
        XpoModule m = d.cage().module();
        if (m == null) {
            LOG.info("scenario: cage {} is empty at {} ms; step {} skipped", cage, d.step().atMs(), d.index());
            return;
        }
        switch (d.step()) {
            case ScriptStep.Inject inject -> {
                ActiveFault a = m.inject(inject.fault());
                injected.put(key(cage, d.index()), a.id());
                LOG.info("scenario: cage {} at {} ms: injected {} as {}", cage, inject.atMs(), inject.fault().kind(), a.id());
            }
            case ScriptStep.Clear clear -> {
                String id = injected.get(key(cage, clear.step()));
                boolean cleared = id != null && m.clearFault(id);
                LOG.info("scenario: cage {} at {} ms: {} fault of step {}", cage, clear.atMs(),
                    cleared ? "cleared the" : "nothing to clear (already gone) for the", clear.step());
            }
            case ScriptStep.ClearAll all -> {
                for (ActiveFault a : m.activeFaults()) m.clearFault(a.id());
                LOG.info("scenario: cage {} at {} ms: cleared every fault", cage, all.atMs());
            }
        }
    }

    private static String key(int cage, int index) { return cage + "/" + index; }

    /** Stops the script; steps not yet run never will. Faults already injected stay. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            pending.clear();
        }
        if (clock instanceof VirtualClock v) v.removeListener(onAdvance);
        if (timer != null) timer.shutdownNow();
        PLAYING.values().remove(this);
    }
}
