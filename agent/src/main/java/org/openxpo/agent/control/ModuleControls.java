package org.openxpo.agent.control;

import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.MonitoredModule;
import org.openxpo.driver.XpoException;
import org.openxpo.driver.firmware.FirmwareInfo;
import org.openxpo.driver.firmware.FirmwareUpdater;
import org.openxpo.driver.module.ApplyResult;
import org.openxpo.driver.module.ConfigRejectedException;
import org.openxpo.driver.module.ResetMethod;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.protocol.cdb.FirmwareImageFormat;

import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The control operations the REST face offers, each a thin call into the driver on the module's open client. Each
 * returns once the module has been polled again (or {@link #REFRESH_WAIT} has passed), so a client that reads the
 * module after a control sees its result. A firmware update runs in the background, one per module at a time, and
 * reports its progress to the listeners.
 */
public final class ModuleControls {
    /** How long a control waits for the poll that shows its result; a slow bus answers the control without it. */
    static final Duration REFRESH_WAIT = Duration.ofSeconds(5);

    private final ModuleRegistry registry;
    private final Map<String, FirmwareStatus> firmware = new ConcurrentHashMap<>();
    private final List<Consumer<FirmwareStatus>> listeners = new CopyOnWriteArrayList<>();

    public ModuleControls(ModuleRegistry registry) { this.registry = registry; }

    public AutoCloseable onFirmwareProgress(Consumer<FirmwareStatus> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Resets the module ({@code method} auto, pin or software); returns what was done. */
    public String reset(String module, String method) {
        ResetMethod m = parse(ResetMethod.class, method == null ? "auto" : method, "reset method");
        ResetMethod done = run(module, c -> c.reset(m));
        return done.description();
    }

    public void lowPower(String module, boolean on) { run(module, c -> { c.setLowPower(on); return null; }); }

    public void txDisabled(String module, List<Integer> lanes, boolean disabled) {
        run(module, c -> { c.setTxDisabled(lanes(c, lanes), disabled); return null; });
    }

    public ApplyResult apply(String module, int appSel, List<Integer> lanes) {
        return run(module, c -> c.applyApplication(appSel, lanes(c, lanes)));
    }

    /** The latest firmware status of {@code module}, if an update was ever started. */
    public Optional<FirmwareStatus> firmwareStatus(String module) {
        moduleOf(module);
        return Optional.ofNullable(firmware.get(module));
    }

    /** Starts updating {@code module} with {@code image} in the background; refused while one is running. */
    public FirmwareStatus startFirmwareUpdate(String module, byte[] image, boolean commit) {
        MonitoredModule m = moduleOf(module);
        try {
            FirmwareImageFormat.checkHeader(image);
        } catch (IllegalArgumentException e) {
            throw new ControlException(400, "not a firmware image: " + e.getMessage() + " (nothing was sent)");
        }
        XpoModuleClient c = clientOf(m);
        FirmwareStatus start = status(module, "start", 0, image.length, false, null, null);
        FirmwareStatus previous = firmware.putIfAbsent(module, start);
        if (previous != null && !previous.finished()) throw new ControlException(409, "a firmware update of " + module + " is running");
        if (previous != null && !firmware.replace(module, previous, start))
            throw new ControlException(409, "a firmware update of " + module + " is running");
        publish(start);
        Thread.ofVirtual().name("xpo-firmware-" + module).start(() -> {
            try {
                FirmwareInfo info = new FirmwareUpdater(c.access(), c.clock())
                    .update(image, FirmwareUpdater.UpdateOptions.DEFAULT.withCommit(commit),
                        p -> publish(status(module, p.phase(), p.done(), p.total(), false, null, null)));
                publish(status(module, "done", image.length, image.length, true, info.running().version(), null));
            } catch (RuntimeException e) {
                publish(status(module, "failed", 0, image.length, true, null, message(e)));
            } finally {
                registry.refresh(module);
            }
        });
        return start;
    }

    private void publish(FirmwareStatus s) {
        firmware.put(s.module(), s);
        for (Consumer<FirmwareStatus> l : listeners) l.accept(s);
    }

    private static FirmwareStatus status(String module, String phase, long done, long total, boolean finished,
                                         String running, String error) {
        return new FirmwareStatus(module, phase, done, total, finished, running, error, Instant.now().toString());
    }

    private <T> T run(String module, java.util.function.Function<XpoModuleClient, T> op) {
        XpoModuleClient c = clientOf(moduleOf(module));
        try {
            return op.apply(c);
        } catch (ConfigRejectedException e) {
            throw new ControlException(409, message(e));
        } catch (XpoException.InvalidRequest | XpoException.Unsupported | IllegalArgumentException e) {
            throw new ControlException(400, message(e));
        } catch (XpoException.ModuleAbsent | XpoException.LinkFailure e) {
            throw new ControlException(503, message(e));
        } catch (XpoException e) {
            throw new ControlException(409, message(e));
        } finally {
            awaitRefresh(module);
        }
    }

    private void awaitRefresh(String module) {
        try {
            registry.refresh(module).get(REFRESH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the control itself is done; the view catches up with the next poll
        }
    }

    private MonitoredModule moduleOf(String module) {
        return registry.module(module).orElseThrow(() -> new ControlException(404, "no module named '" + module + "'"));
    }

    private static XpoModuleClient clientOf(MonitoredModule m) {
        return m.client().orElseThrow(() -> new ControlException(503, "module " + m.name() + " is not reachable"
            + (m.view().lastError() == null ? "" : ": " + m.view().lastError())));
    }

    /** {@code lanes} as a set; null or empty means every lane of the module. */
    private static BitSet lanes(XpoModuleClient c, List<Integer> lanes) {
        int count = c.identity().lanes();
        BitSet set = new BitSet();
        if (lanes == null || lanes.isEmpty()) {
            set.set(1, count + 1);
            return set;
        }
        for (Integer l : lanes) {
            if (l == null || l < 1 || l > count) throw new ControlException(400, "lane " + l + " is not 1-" + count);
            set.set(l);
        }
        return set;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ControlException(400, what + " '" + text + "' is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(x -> x.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }

    private static String message(Exception e) { return e.getMessage() == null ? e.toString() : e.getMessage(); }
}
