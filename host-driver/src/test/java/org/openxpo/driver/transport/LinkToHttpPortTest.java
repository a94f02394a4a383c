package org.openxpo.driver.transport;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.XpoException;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.control.ControlServer;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A link client pointed at the emulator's HTTP port says so, instead of reporting a garbled frame. */
class LinkToHttpPortTest {
    @Test
    void theControlApiPortIsNotAnEmulatorLink() {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (EmulatedChassis chassis = EmulatedChassis.of(1, EmulatorClock.system());
             ControlServer control = ControlServer.start(chassis, loopback, null, null);
             LinkServer link = LinkServer.start(chassis, loopback, BusTiming.OFF)) {
            XpoException e = assertThrows(XpoException.LinkFailure.class,
                () -> LinkTransport.connect("127.0.0.1", control.port(), 1, LinkTransport.Options.DEFAULT).close());
            assertEquals("not an emulator link: 127.0.0.1:" + control.port() + " answered in HTTP (the emulator's "
                + "control API port?); the link is on the emulator's --port, 9450 by default", e.getMessage());
            LinkTransport.connect("127.0.0.1", link.port(), 1, LinkTransport.Options.DEFAULT).close();   // the link port works
        }
    }
}
