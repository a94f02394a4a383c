package org.openxpo.emulator.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.I2cMessage;

class LinkBusTimingTest {
    private static final List<I2cMessage> PAGE_READ = LinkTestClient.pageRead(0x01);

    @Test
    void pageReadCountsStartsAddressBytesDataBytesAndStop() {
        // S+addr+2 bytes = 28, Sr+addr+1 byte = 19, Sr+addr+128 bytes = 1162, STOP = 1
        assertEquals(1210, BusTiming.transferClocks(PAGE_READ));
    }

    @Test
    void standardModesTurnClocksIntoTime() {
        assertEquals(12_100_000, BusTiming.i2c(100_000).transferNanos(PAGE_READ));
        assertEquals(3_025_000, BusTiming.i2c(400_000).transferNanos(PAGE_READ));
        assertEquals(1_210_000, BusTiming.i2c(1_000_000).transferNanos(PAGE_READ));
        assertEquals(96_800, BusTiming.i3cSdr().transferNanos(PAGE_READ));
        assertEquals(0, BusTiming.OFF.transferNanos(PAGE_READ));
    }

    @Test
    void cccAndEntdaaTakeBusTimeToo() {
        // broadcast ENEC with one byte: S + 7E + code + 1 byte + P = 29 clocks at 80 ns
        assertEquals(29 * 80, BusTiming.i3cSdr().cccNanos(CccRequest.broadcast(0x00, (byte) 1)));
        // S + 7E + ENTDAA, one target (83), last round Sr + 7E, P = 1+18+83+10+1
        assertEquals(113 * 80, BusTiming.i3cSdr().entdaaNanos(1));
    }

    @Test
    void parsesTheNamedModes() {
        assertEquals(BusTiming.i2c(100_000), BusTiming.parse("100k"));
        assertEquals(BusTiming.i2c(400_000), BusTiming.parse("400K"));
        assertEquals(BusTiming.i2c(1_000_000), BusTiming.parse("1m"));
        assertEquals(BusTiming.i3cSdr(), BusTiming.parse("i3c-sdr"));
        assertFalse(BusTiming.parse("off").enabled());
        assertTrue(BusTiming.parse("400k").enabled());
        assertEquals("400k", BusTiming.parse("400k").toString());
    }

    @Test
    void refusesAnythingElseWithTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BusTiming.parse("3.4m"));
        assertTrue(e.getMessage().contains("100k, 400k, 1m, i3c-sdr or off"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BusTiming.parse(null));
        assertThrows(IllegalArgumentException.class, () -> BusTiming.i2c(5_000_000));
    }
}
