package org.openxpo.driver.access;

import org.openxpo.driver.transport.LinkTransport;
import org.openxpo.driver.transport.Transport;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;

import java.net.InetSocketAddress;

/** The access-layer contract over the real emulator link: a Netty server on loopback and the Netty client. */
class LinkAccessTest extends AccessLayerContract {
    LinkServer server;

    @Override
    Transport open(EmulatedChassis chassis) {
        server = LinkServer.start(chassis, new InetSocketAddress("127.0.0.1", 0), BusTiming.OFF);
        return LinkTransport.connect("127.0.0.1", server.port(), 1, LinkTransport.Options.DEFAULT);
    }

    @Override
    void closeExtra() { server.close(); }
}
