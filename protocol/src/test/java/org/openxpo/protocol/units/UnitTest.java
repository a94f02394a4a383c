package org.openxpo.protocol.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scaled CMIS and XPO encodings, checked against the raw values a host reads off the wire. */
class UnitTest {

    @ParameterizedTest(name = "{0}: raw {2} is {3}")
    @CsvSource({
        // temperature: signed 16 bits in 1/256 °C; one byte, signed, in °C
        "CELSIUS, 16, 0xFF00, -1.0", "CELSIUS, 16, 0x1900, 25.0", "CELSIUS, 16, 0x0001, 0.00390625",
        "CELSIUS, 16, 0x8000, -128.0", "CELSIUS_S8, 8, 0xFB, -5.0",
        // supply voltage and optical power: unsigned 16 bits in 100 µV and 0.1 µW
        "VOLTS_100UV, 16, 33000, 3.3", "VOLTS_100UV, 16, 0xFFFF, 6.5535",
        "MILLIWATTS_01UW, 16, 10000, 1.0", "MILLIWATTS_01UW, 16, 0xFFFF, 6.5535",
        // bias in 2 µA, CMIS max power in 0.25 W
        "MILLIAMPS_2UA, 16, 1000, 2.0", "WATTS_025, 8, 0xFF, 63.75", "WATTS_025, 8, 60, 15.0",
        // XPO: the 50 V rail in mV, its current in mA, its power in 10 mW, coolant flow in mL/min
        "VOLTS_1MV, 16, 53000, 53.0", "VOLTS_1MV, 16, 48000, 48.0", "VOLTS_1MV, 16, 0xFFFF, 65.535",
        "AMPS_1MA, 16, 8500, 8.5", "WATTS_10MW, 16, 40000, 400.0", "WATTS_10MW, 16, 0xFFFF, 655.35",
        "LPM_1ML, 16, 500, 0.5", "LPM_1ML, 16, 350, 0.35"
    })
    void aRawValueDecodesToItsEngineeringValueAndBack(Unit unit, int bits, long raw, double value) {
        assertEquals(value, unit.decode(raw, bits), 1e-12);
        assertEquals(raw, unit.encode(value, bits));
    }

    @ParameterizedTest(name = "{0}: {2} saturates at raw {3}")
    @CsvSource({
        "CELSIUS, 16, 200, 0x7FFF", "CELSIUS, 16, -300, 0x8000", "CELSIUS, 16, Infinity, 0x7FFF",
        "CELSIUS, 16, NaN, 0", "CELSIUS_S8, 8, 500, 0x7F", "VOLTS_100UV, 16, 7.0, 0xFFFF", "VOLTS_100UV, 16, -1.0, 0",
        "MILLIWATTS_01UW, 16, 10.0, 0xFFFF", "WATTS_025, 8, 400, 0xFF", "VOLTS_1MV, 16, 80.0, 0xFFFF",
        "WATTS_10MW, 16, 1000.0, 0xFFFF"
    })
    void aValueOutsideTheRawRangeSaturatesInsteadOfWrapping(Unit unit, int bits, double value, long raw) {
        assertEquals(raw, unit.encode(value, bits));
    }

    @Test
    void temperatureKeepsHalfDegreesAndTopsOutJustBelow128() {
        assertEquals(-40.5, Unit.CELSIUS.decode(Unit.CELSIUS.encode(-40.5, 16), 16));
        assertEquals(127.996, Unit.CELSIUS.decode(0x7FFF, 16), 0.0005);
    }

    @Test
    void opticalPowerReadsInDbmAsHostsShowIt() {
        assertEquals(0.0, Codecs.milliwattsToDbm(Unit.MILLIWATTS_01UW.decode(10000, 16)), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, Codecs.milliwattsToDbm(Unit.MILLIWATTS_01UW.decode(0, 16)));
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
