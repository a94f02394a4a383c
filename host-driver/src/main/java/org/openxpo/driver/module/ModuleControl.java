package org.openxpo.driver.module;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.time.Poll;
import org.openxpo.driver.transport.Transport;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.time.HostClock;
import org.openxpo.protocol.types.FaultCause;
import org.openxpo.protocol.types.ModuleState;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.openxpo.protocol.map.LowerPage.*;

/** Module-level controls: reset and low power, each followed by the wait a CMIS host does (on {@code clock}). */
record ModuleControl(Transport transport, RegisterAccess access, HostClock clock) {
    /** ResetL held low this long: far above the CMIS minimum pulse (µs), still short for a person. */
    static final Duration RESET_PULSE = Duration.ofMillis(10);

    /**
     * Resets, then waits until the module answers again and reports ModuleLowPwr or ModuleReady. The wait first needs
     * evidence that the reset happened (a Reset event, a NACK while the module re-initializes, or a fresh
     * ModuleStateChangedFlag), so a module still showing its old state is not taken for a rebooted one.
     */
    ResetMethod reset(ResetMethod requested, Timeouts timeouts) {
        AtomicBoolean happened = new AtomicBoolean();
        AutoCloseable sub = transport.subscribe(e -> { if (e instanceof TargetEvent.Reset) happened.set(true); });
        try {
            clearStaleStateChanged();
            ResetMethod used = issue(requested);
            access.invalidate();
            Poll.until("ModuleLowPwr or ModuleReady after a " + used.description(), () -> {
                    try {
                        return readStateAndClearChanged();
                    } catch (XpoException.Nack e) {
                        happened.set(true);
                        throw e;
                    }
                },
                s -> (happened.get() || s.changed()) && (s.state() == ModuleState.LOW_PWR || s.state() == ModuleState.READY))
                .within(timeouts.reset())
                .describedBy(s -> happened.get() || s.changed() ? name(s.state()) : name(s.state()) + " (reset not yet seen)")
                .hopelessWhen(s -> s.state() == ModuleState.FAULT && (happened.get() || s.changed())
                    ? "the module entered ModuleFault" : null)
                .tolerating(XpoException.Nack.class, XpoException.BusError.class, XpoException.ModuleAbsent.class)
                .await(clock);
            access.invalidate();  // a transport without Reset events cannot tell the access layer the page select is gone
            return used;
        } finally {
            close(sub);
        }
    }

    private record StateRead(ModuleState state, boolean changed) {}

    private StateRead readStateAndClearChanged() {
        byte[] lo = access.readFields(Pages.LOWER_MEMORY, 0, List.of(MODULE_STATE, MODULE_STATE_CHANGED_FLAG));
        return new StateRead(ModuleState.fromCode((int) MODULE_STATE.get(lo, 0)), MODULE_STATE_CHANGED_FLAG.get(lo, 0) == 1);
    }

    /** A ModuleStateChangedFlag latched before the reset must not count as evidence of it. */
    private void clearStaleStateChanged() {
        try {
            readStateAndClearChanged();
        } catch (XpoException e) {
            // a module that does not answer now has nothing stale to clear; the reset below still goes ahead
        }
    }

    private ResetMethod issue(ResetMethod requested) {
        if (requested != ResetMethod.SOFTWARE) {
            try {
                transport.writePin(Pin.RESET_L, false);
                clock.sleep(RESET_PULSE);
                transport.writePin(Pin.RESET_L, true);
                return ResetMethod.PIN;
            } catch (XpoException.Unsupported e) {
                if (requested == ResetMethod.PIN) throw e;
            }
        }
        access.set(SOFTWARE_RESET, 0, 0, 1);
        return ResetMethod.SOFTWARE;
    }

    /**
     * Low power on: sets LowPwrRequestSW and waits for ModuleLowPwr. Off: clears LowPwrRequestSW and
     * LowPwrAllowRequestHW (so an asserted LPMode pin cannot keep the module down, as SONiC does) and waits for
     * ModuleReady. Both bits sit in byte 26 and change in one write.
     */
    void setLowPower(boolean on, Timeouts timeouts) {
        ModuleState now = state();
        if (now == ModuleState.FAULT) {
            throw new XpoException.WrongState("the module is in ModuleFault ("
                + FaultCause.describe((int) access.get(MODULE_FAULT_CAUSE)) + "): reset it first");
        }
        int at = LOW_PWR_REQUEST_SW.offset();   // byte 26, with LowPwrAllowRequestHW: written as a whole
        int b = access.read(Pages.LOWER_MEMORY, 0, at, 1)[0] & 0xFF;
        int sw = LOW_PWR_REQUEST_SW.elementMask(0), hw = LOW_PWR_ALLOW_REQUEST_HW.elementMask(0);
        int v = on ? b | sw : b & ~(sw | hw);
        if (v != b) access.write(Pages.LOWER_MEMORY, 0, at, new byte[] {(byte) v});
        ModuleState want = on ? ModuleState.LOW_PWR : ModuleState.READY;
        Poll.until(want.cmisName(), this::state, s -> s == want)
            .within(on ? timeouts.modulePwrDn() : timeouts.modulePwrUp())
            .describedBy(ModuleControl::name)
            .hopelessWhen(s -> s == ModuleState.FAULT ? "the module entered ModuleFault" : null)
            .await(clock);
    }

    ModuleState state() { return ModuleState.fromCode((int) access.get(MODULE_STATE)); }

    static String name(ModuleState s) { return s == null ? "a reserved state" : s.cmisName(); }


    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // unsubscribing cannot fail in a way that matters once the reset is done
        }
    }
}
