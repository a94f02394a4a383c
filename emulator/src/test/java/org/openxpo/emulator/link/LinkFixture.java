package org.openxpo.emulator.link;

import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;

/** A chassis of emulated modules on wall-clock time with fast timing, served by a link server on a free port. */
abstract class LinkFixture {
    EmulatedChassis chassis;
    LinkServer server;
    private final List<AutoCloseable> resources = new ArrayList<>();

    int cageCount() { return 2; }

    /** Cages listed here start empty. */
    Set<Integer> emptyCages() { return Set.of(); }

    BusTiming timing() { return BusTiming.OFF; }

    ServerLimits limits() { return ServerLimits.DEFAULT; }

    @BeforeEach
    void startServer() {
        chassis = new EmulatedChassis(cageCount(), EmulatorClock.system(), i -> emptyCages().contains(i) ? null
            : ModuleConfig.builder().serialNumber(EmulatedChassis.serial(i)).seed(i).timing(ModuleConfig.Timing.fast())
                .build());
        server = LinkServer.start(chassis, new InetSocketAddress("127.0.0.1", 0), timing(), limits());
        for (int n : chassis.cages()) {
            Cage c = chassis.cage(n);
            if (c.present()) soon().until(() -> c.module().responsive());
        }
    }

    @AfterEach
    void stopServer() throws Exception {
        for (AutoCloseable r : resources) r.close();
        server.close();
        chassis.close();
    }

    /** Awaitility with a bound and a quick poll. */
    static ConditionFactory soon() {
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }

    /** A second server on the same chassis, e.g. with other bus timing; closed after the test. */
    LinkServer extraServer(BusTiming timing) {
        return track(LinkServer.start(chassis, new InetSocketAddress("127.0.0.1", 0), timing));
    }

    LinkTestClient client() { return track(LinkTestClient.open(server)); }

    LinkTestClient rawClient() { return track(LinkTestClient.connect(server)); }

    <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    /** The page as an in-process host sees it, straight from the cage. */
    byte[] inProcessPage(int cage, int page) {
        List<I2cResult> r = chassis.cage(cage).i2c(LinkTestClient.pageRead(page));
        return r.get(2).data();
    }

    static I2cMessage write(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) b[i] = (byte) bytes[i];
        return I2cMessage.write(LinkTestClient.MODULE, b);
    }

    static I2cMessage read(int length) { return I2cMessage.read(LinkTestClient.MODULE, length); }
}
