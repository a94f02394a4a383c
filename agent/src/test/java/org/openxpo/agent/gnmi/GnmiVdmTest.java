package org.openxpo.agent.gnmi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openxpo.agent.core.DriverVdmSource;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleSpec;
import org.openxpo.agent.core.PollOptions;
import org.openxpo.agent.gnmi.path.PathStrings;
import org.openxpo.agent.gnmi.proto.Encoding;
import org.openxpo.agent.gnmi.proto.GetRequest;
import org.openxpo.agent.gnmi.proto.Update;
import org.openxpo.agent.testing.EmulatedBench;
import org.openxpo.emulator.fault.Fault;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** The xpo-lane leaves and the module's pre-fec-ber carry the module's VDM values. */
class GnmiVdmTest {
    static final String A = "/components/component[name=a]/transceiver";
    static final PollOptions FAST = PollOptions.DEFAULT.withSnapshotInterval(Duration.ofMillis(100))
        .withAlarmInterval(Duration.ofMillis(100));

    final GnmiChassis chassis = new GnmiChassis(1, FAST, new DriverVdmSource(null, Clock.systemUTC()))
        .serve(GnmiOptions.loopback(0, FAST.snapshotInterval()), null);

    @AfterEach
    void stop() { chassis.close(); }

    double leaf(String path) {
        List<Update> u = chassis.client.blocking.get(GetRequest.newBuilder().addPath(PathStrings.parse(path)).setEncoding(Encoding.PROTO)
            .build()).getNotification(0).getUpdateList();
        return u.isEmpty() ? Double.NaN : u.get(0).getVal().getDoubleVal();
    }

    String lane(int channel, String leaf) {
        return A + "/physical-channels/channel[index=" + channel + "]/state/xpo-lane/" + leaf;
    }

    @Test
    void laneLeavesAndTheModulesWorstLaneBerFollowADirtyConnector() {
        // NOT_FOUND until the first poll with VDM samples
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> leaf(lane(11, "esnr")) > 0 && leaf(A + "/state/pre-fec-ber") > 0);
        double esnr = leaf(lane(11, "esnr"));
        assertTrue(esnr > 15, "eSNR of lane 12 (channel 11): " + esnr);
        assertTrue(leaf(lane(11, "ltp")) > 0);
        assertTrue(leaf(lane(11, "laser-temperature")) > 20);
        assertEquals(io.grpc.Status.Code.NOT_FOUND, assertThrows(io.grpc.StatusRuntimeException.class,
            () -> leaf(lane(11, "pre-fec-ber-max"))).getStatus().getCode(), "statistics are not read unless configured");
        double worstBefore = leaf(A + "/state/pre-fec-ber");

        chassis.bench.cage(1).module().inject(new Fault.DirtyConnector(Set.of(12), 8));
        await().atMost(Duration.ofSeconds(10)).until(() -> leaf(lane(11, "esnr")) < esnr - 4);
        double ber = leaf(lane(11, "pre-fec-ber"));
        assertTrue(ber > worstBefore * 10, "lane 12's BER " + ber + " against the worst before, " + worstBefore);
        await().atMost(Duration.ofSeconds(10)).until(() -> leaf(A + "/state/pre-fec-ber") >= ber / 2);
    }
}
