package org.openxpo.driver.access;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import org.openxpo.driver.XpoException;
import org.openxpo.driver.pi4j.ConnectorGpioProviders;
import org.openxpo.driver.pi4j.ConnectorI2CProvider;
import org.openxpo.driver.transport.Pi4jTransport;
import org.openxpo.driver.transport.TargetUri;
import org.openxpo.driver.transport.Transport;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.protocol.connector.Pin;
import org.junit.jupiter.api.Test;

import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** The exact Pi4J transport code a Raspberry Pi runs, with Pi4J providers backed by the emulator. */
class Pi4jAccessTest extends AccessLayerContract {
    static final Map<Integer, Pin> LINES = Map.of(17, Pin.RESET_L, 27, Pin.LP_MODE, 22, Pin.INT_L, 23, Pin.MOD_PRS_L);
    static final String URI = "pi4j://1/0x50?resetL=17&lpMode=27&intL=22&modPrsL=23";
    Context context;

    @Override
    Transport open(EmulatedChassis chassis) {
        var cage = chassis.cage(1);
        context = Pi4J.newContextBuilder().noAutoDetect()
            .add(new ConnectorI2CProvider(bus -> bus == 1 ? cage : null),
                ConnectorGpioProviders.outputs(cage, LINES), ConnectorGpioProviders.inputs(cage, LINES))
            .build();
        return Pi4jTransport.open(context, TargetUri.parse(URI));
    }

    @Override
    void closeExtra() { context.shutdown(); }

    @Test
    void intLReachesThePi4jListenerAsAnEvent() {
        access.read(0x00, 0, 8, 4);
        for (int b = 0; b < 8; b++) access.read(0x11, b, 134, 20);
        await().atMost(Duration.ofSeconds(3)).until(() -> transport.readPin(Pin.INT_L));
        AtomicBoolean asserted = new AtomicBoolean();
        transport.subscribe(e -> {
            if (e instanceof org.openxpo.protocol.connector.TargetEvent.IntL i && i.asserted()) asserted.set(true);
        });
        cage.module().inject(new org.openxpo.emulator.fault.Fault.LaserFailure(java.util.Set.of(9)));
        await().atMost(Duration.ofSeconds(3)).untilTrue(asserted);
        assertFalse(transport.readPin(Pin.INT_L), "IntL low");
        assertFalse(transport.readPin(Pin.MOD_PRS_L), "module present");
    }

    @Test
    void aTransferPi4jCannotDoAtomicallyIsRefusedAndNothingIsSent() {
        assertEquals(2, transport.maxMessagesPerTransfer());
        access.read(0x10, 0, 213, 1);
        List<I2cMessage> selectThenRead = List.of(I2cMessage.write(0x50, (byte) 126, (byte) 0, (byte) 0x02),
            I2cMessage.write(0x50, (byte) 128), I2cMessage.read(0x50, 1));
        XpoException e = assertThrows(XpoException.Unsupported.class, () -> transport.i2c(selectThenRead));
        assertTrue(e.getMessage().contains("3-message") && e.getMessage().contains("nothing was sent"), e.getMessage());
        assertThrows(XpoException.Unsupported.class, () -> transport.i2c(List.of(
            I2cMessage.write(0x50, (byte) 126, (byte) 0, (byte) 0x02), I2cMessage.read(0x50, 1))),
            "a select then a read would be two bus transactions");
        assertThrows(XpoException.Unsupported.class, () -> transport.i2cBatch(List.of(
            List.of(I2cMessage.write(0x50, (byte) 126, (byte) 0, (byte) 0x02)), selectThenRead)),
            "a batch is checked whole before its first transfer");
        List<I2cResult> sel = transport.i2c(List.of(I2cMessage.write(0x50, (byte) 126), I2cMessage.read(0x50, 2)));
        assertArrayEquals(new byte[] {0, 0x10}, sel.get(1).data(), "page 10h bank 0 still selected: nothing was sent");
    }

    @Test
    void resetLStartsHighSoTheModuleIsNotHeldInReset() {
        assertTrue(cage.readPin(Pin.RESET_L));
        assertTrue(transport.readPin(Pin.RESET_L));
    }

    @Test
    void missingBusFailsWithOneLineNamingIt() {
        XpoException e = assertThrows(XpoException.class, () -> Pi4jTransport.open(TargetUri.parse("pi4j://7/0x50")));
        assertTrue(e.getMessage().contains("I2C bus 7"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void i3cIsNotOfferedThroughPi4j() {
        assertFalse(transport.supportsI3c());
        assertThrows(XpoException.Unsupported.class, () -> transport.entdaa(8));
    }
}
