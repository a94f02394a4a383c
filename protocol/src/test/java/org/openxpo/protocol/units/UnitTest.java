package org.openxpo.protocol.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The scaled CMIS and XPO encodings, checked against the raw values a host reads off the wire. */
class UnitTest {

    @Test
    void temperatureIsSigned16In256thsOfADegree() {
        assertEquals(-1.0, Unit.CELSIUS.decode(0xFF00, 16));
        assertEquals(0xFF00, Unit.CELSIUS.encode(-1.0, 16));
        assertEquals(25.0, Unit.CELSIUS.decode(0x1900, 16));
        assertEquals(0x1900, Unit.CELSIUS.encode(25.0, 16));
        assertEquals(-40.5, Unit.CELSIUS.decode(Unit.CELSIUS.encode(-40.5, 16), 16));
        assertEquals(1.0 / 256, Unit.CELSIUS.decode(0x0001, 16));
        assertEquals(-128.0, Unit.CELSIUS.decode(0x8000, 16));
    }

    @Test
    void temperatureSaturatesInsteadOfWrapping() {
        assertEquals(0x7FFF, Unit.CELSIUS.encode(200, 16));
        assertEquals(127.996, Unit.CELSIUS.decode(0x7FFF, 16), 0.0005);
        assertEquals(0x8000, Unit.CELSIUS.encode(-300, 16));
        assertEquals(0x7FFF, Unit.CELSIUS.encode(Double.POSITIVE_INFINITY, 16));
        assertEquals(0, Unit.CELSIUS.encode(Double.NaN, 16));
    }

    @Test
    void signedByteTemperature() {
        assertEquals(-5.0, Unit.CELSIUS_S8.decode(0xFB, 8));
        assertEquals(0xFB, Unit.CELSIUS_S8.encode(-5, 8));
        assertEquals(0x7F, Unit.CELSIUS_S8.encode(500, 8));
    }

    @Test
    void supplyVoltageIsUnsigned16In100Microvolts() {
        assertEquals(33000, Unit.VOLTS_100UV.encode(3.3, 16));
        assertEquals(3.3, Unit.VOLTS_100UV.decode(33000, 16), 1e-12);
        assertEquals(0xFFFF, Unit.VOLTS_100UV.encode(7.0, 16));
        assertEquals(6.5535, Unit.VOLTS_100UV.decode(0xFFFF, 16), 1e-12);
        assertEquals(0, Unit.VOLTS_100UV.encode(-1.0, 16));
    }

    @Test
    void opticalPowerIsUnsigned16InTenthsOfAMicrowatt() {
        assertEquals(10000, Unit.MILLIWATTS_01UW.encode(1.0, 16));
        assertEquals(1.0, Unit.MILLIWATTS_01UW.decode(10000, 16), 1e-12);
        assertEquals(0.0, Codecs.milliwattsToDbm(Unit.MILLIWATTS_01UW.decode(10000, 16)), 1e-12);
        assertEquals(0xFFFF, Unit.MILLIWATTS_01UW.encode(10.0, 16));
        assertEquals(6.5535, Unit.MILLIWATTS_01UW.decode(0xFFFF, 16), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, Codecs.milliwattsToDbm(Unit.MILLIWATTS_01UW.decode(0, 16)));
    }

    @Test
    void biasAndMaxPowerScales() {
        assertEquals(2.0, Unit.MILLIAMPS_2UA.decode(1000, 16), 1e-12);
        assertEquals(1000, Unit.MILLIAMPS_2UA.encode(2.0, 16));
        assertEquals(63.75, Unit.WATTS_025.decode(0xFF, 8));
        assertEquals(0xFF, Unit.WATTS_025.encode(400, 8));
        assertEquals(60, Unit.WATTS_025.encode(15.0, 8));
    }

    @Test
    void xpoUnitsCoverThe50VoltRailAndCoolantFlow() {
        assertEquals(53000, Unit.VOLTS_1MV.encode(53.0, 16));
        assertEquals(48.0, Unit.VOLTS_1MV.decode(48000, 16), 1e-12);
        assertEquals(0xFFFF, Unit.VOLTS_1MV.encode(80.0, 16));
        assertEquals(65.535, Unit.VOLTS_1MV.decode(0xFFFF, 16), 1e-12);

        assertEquals(8500, Unit.AMPS_1MA.encode(8.5, 16));
        assertEquals(8.5, Unit.AMPS_1MA.decode(8500, 16), 1e-12);

        assertEquals(40000, Unit.WATTS_10MW.encode(400.0, 16));
        assertEquals(400.0, Unit.WATTS_10MW.decode(40000, 16), 1e-12);
        assertEquals(655.35, Unit.WATTS_10MW.decode(0xFFFF, 16), 1e-12);
        assertEquals(0xFFFF, Unit.WATTS_10MW.encode(1000.0, 16));

        assertEquals(500, Unit.LPM_1ML.encode(0.5, 16));
        assertEquals(0.35, Unit.LPM_1ML.decode(350, 16), 1e-12);
        assertEquals("L/min", Unit.LPM_1ML.symbol());
    }

    @Test
    void durationUnitDecodesToTheUpperBoundAndEncodesTheCoveringCode() {
        assertEquals(10_000.0, Unit.DURATION_CODE.decode(8, 4));
        assertEquals(8, Unit.DURATION_CODE.encode(10_000, 4));
        assertEquals(8, Unit.DURATION_CODE.encode(5_000.5, 4));
    }

    @Test
    void everyScaledUnitRoundTripsItsRawRange() {
        for (Unit u : Unit.values()) {
            if (u == Unit.DURATION_CODE || u == Unit.F16) continue;
            int bits = u == Unit.WATTS_025 || u == Unit.CELSIUS_S8 ? 8 : 16;
            for (long raw : new long[] {0, 1, 0x7F, 0x80, (1L << bits) - 1}) {
                assertEquals(raw, u.encode(u.decode(raw, bits), bits), u + " raw " + raw);
            }
        }
    }

    @Test
    void physicalUnitsAreTheScaledOnes() {
        assertFalse(Unit.CODE.isPhysical());
        assertFalse(Unit.ASCII.isPhysical());
        assertTrue(Unit.CELSIUS.isPhysical());
        assertTrue(Unit.VOLTS_1MV.isPhysical());
    }
}
