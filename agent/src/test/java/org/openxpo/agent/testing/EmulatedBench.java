package org.openxpo.agent.testing;

import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.control.ControlServer;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.emulator.module.ModuleConfig;

import java.net.InetSocketAddress;

/**
 * Test fixture: an emulated chassis of fast-booting modules served over the emulator link on loopback, as the agent
 * meets it in production, with the control API for fault injection when asked for.
 */
public final class EmulatedBench implements AutoCloseable {
    public final EmulatedChassis chassis;
    public final LinkServer link;
    private ControlServer control;

    public EmulatedBench(int cages) {
        chassis = new EmulatedChassis(cages, EmulatorClock.system(), i -> ModuleConfig.builder()
            .serialNumber(EmulatedChassis.serial(i)).seed(i).timing(ModuleConfig.Timing.fast()).build());
        link = LinkServer.start(chassis, new InetSocketAddress("127.0.0.1", 0), BusTiming.OFF);
    }

    /** The link target of cage {@code n}. */
    public String target(int n) { return "tcp://127.0.0.1:" + link.port() + "/" + n; }

    public Cage cage(int n) { return chassis.cage(n); }

    /** Starts the control API (no token, loopback) and returns its base URL. */
    public String controlUrl() {
        if (control == null) control = ControlServer.start(chassis, new InetSocketAddress("127.0.0.1", 0), null, link);
        return "http://127.0.0.1:" + control.port();
    }

    @Override
    public void close() {
        if (control != null) control.close();
        link.close();
        chassis.close();
    }
}
