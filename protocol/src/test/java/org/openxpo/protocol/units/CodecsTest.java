package org.openxpo.protocol.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodecsTest {

    @Test
    void durationCodesDecodeToTheirUpperBound() {
        long[] upper = {1, 5, 10, 50, 100, 500, 1_000, 5_000, 10_000, 60_000, 300_000, 600_000, 3_000_000, 6_000_000};
        for (int code = 0; code < upper.length; code++) {
            assertEquals(upper[code], Codecs.durationMillis(code), "code " + code);
        }
        // 14 and 15 are reserved: read as the longest bound so a host never times out early
        assertEquals(6_000_000, Codecs.durationMillis(14));
        assertEquals(6_000_000, Codecs.durationMillis(15));
    }

    @ParameterizedTest(name = "{0} ms needs code {1}")
    @CsvSource({"0, 0", "1, 0", "2, 1", "5, 1", "6, 2", "1000, 6", "1001, 7", "60000, 9", "6000000, 13",
        "9223372036854775807, 13"})
    void durationCodeIsTheSmallestCodeCoveringTheTime(long millis, int code) {
        assertEquals(code, Codecs.durationCode(millis));
    }

    @Test
    void everyDurationCodeCoversItsOwnBound() {
        for (int code = 0; code <= 13; code++) {
            assertEquals(code, Codecs.durationCode(Codecs.durationMillis(code)));
        }
    }

    @Test
    void f16KnownValues() {
        assertEquals(0.0, Codecs.f16ToDouble(0));
        assertEquals(1.0, Codecs.f16ToDouble((24 << 11) | 1));
        assertEquals(2047.0, Codecs.f16ToDouble((24 << 11) | 2047));
        assertEquals(1e-5, Codecs.f16ToDouble(0x83E8), 1e-20); // e=16, m=1000: a BER of 1e-5
        assertEquals(1e-24, Codecs.f16ToDouble(1), 1e-36);
        assertEquals(2.047e10, Codecs.f16ToDouble(0xFFFF), 1);
    }

    @Test
    void f16EncodesWithTheLargestMantissaThatFits() {
        assertEquals(0x83E8, Codecs.doubleToF16(1e-5));
        assertEquals((24 << 11) | 2046, Codecs.doubleToF16(2046));
        assertEquals((24 << 11) | 300, Codecs.doubleToF16(300));
        assertEquals((25 << 11) | 300, Codecs.doubleToF16(3000));
    }

    @Test
    void f16ZeroNegativeAndOutOfRange() {
        assertEquals(0, Codecs.doubleToF16(0));
        assertEquals(0, Codecs.doubleToF16(-3));
        assertEquals(0, Codecs.doubleToF16(Double.NaN));
        assertEquals(0xFFFF, Codecs.doubleToF16(1e12), "saturates at the largest F16");
        assertEquals(0xFFFF, Codecs.doubleToF16(Double.POSITIVE_INFINITY));
    }

    @Test
    void f16EncodesAsTheSearchForTheSmallestFittingExponentDoes() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int k = 0; k < 20_000; k++) {
            double v = Math.pow(10, random.nextDouble(-26, 11));
            assertEquals(searchedF16(v), Codecs.doubleToF16(v), "value " + v);
        }
        for (double v : new double[] {2047, 2047.4, 2047.5, 2047.6, 20470, 1e-24, 0.5e-24, 0.49e-24, 2.0475e10, 2.047e10}) {
            assertEquals(searchedF16(v), Codecs.doubleToF16(v), "value " + v);
        }
    }

    /** The definition: the smallest exponent whose rounded mantissa fits 11 bits. */
    private static int searchedF16(double value) {
        if (!(value > 0)) return 0;
        for (int e = 0; e <= 31; e++) {
            long m = Math.round(value / Math.pow(10, e - 24));
            if (m <= 2047) return (e << 11) | (int) m;
        }
        return 0xFFFF;
    }

    @Test
    void f16RoundTripsWithinItsPrecision() {
        for (double v = 1.234e-20; v < 1e10; v *= 3.7) {
            double back = Codecs.f16ToDouble(Codecs.doubleToF16(v));
            // a mantissa of at least 205 leaves a rounding error below 0.5/204.75
            assertTrue(Math.abs(back - v) / v < 0.0025, v + " came back as " + back);
        }
    }

    @Test
    void biasScalesByTwoToTheMultiplier() {
        assertEquals(2.0, Codecs.biasMilliamps(1000, 0), 1e-12);
        assertEquals(4.0, Codecs.biasMilliamps(1000, 1), 1e-12);
        assertEquals(8.0, Codecs.biasMilliamps(1000, 2), 1e-12);
        assertEquals(131.07, Codecs.biasMilliamps(0xFFFF, 0), 1e-9);
        assertEquals(1000, Codecs.biasRaw(8.0, 2));
        assertEquals(3750, Codecs.biasRaw(15.0, 1));
        assertEquals(0xFFFF, Codecs.biasRaw(1000.0, 0));
        assertEquals(0, Codecs.biasRaw(-1.0, 0));
    }

    @Test
    void dbmHelpers() {
        assertEquals(0.0, Codecs.milliwattsToDbm(1.0), 1e-12);
        assertEquals(-10.0, Codecs.milliwattsToDbm(0.1), 1e-12);
        assertEquals(8.165, Codecs.milliwattsToDbm(6.5535), 0.001);
        assertEquals(Double.NEGATIVE_INFINITY, Codecs.milliwattsToDbm(0));
        assertEquals(1.0, Codecs.dbmToMilliwatts(0), 1e-12);
        assertEquals(0.5, Codecs.dbmToMilliwatts(Codecs.milliwattsToDbm(0.5)), 1e-12);
        assertEquals(0.0, Codecs.dbmToMilliwatts(Double.NEGATIVE_INFINITY));
    }

    @Test
    void cdbCheckCodeIsTheOnesComplementOfTheByteSum() {
        // Get Module Features (CMDID 0040h), no payload: header 00 40 00 00 [chk] 00 00 00
        byte[] header = {0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
        assertEquals(0xBF, Codecs.onesComplementChecksum(header, 0, header.length));
        assertEquals(0xFF, Codecs.onesComplementChecksum(new byte[0], 0, 0));
        byte[] wraps = {(byte) 0xFF, (byte) 0xFF, 0x03}; // sum 0x201 → low byte 0x01 → 0xFE
        assertEquals(0xFE, Codecs.onesComplementChecksum(wraps, 0, 3));
        assertEquals(0xFC, Codecs.onesComplementChecksum(wraps, 2, 3), "only the given range counts");
    }

    @Test
    void pageChecksumIsThePlainByteSum() {
        byte[] page = new byte[256];
        page[128] = (byte) 0x80;
        page[129] = (byte) 0x90;
        page[221] = 0x05;
        page[222] = 0x77; // the checksum byte itself is outside the range
        assertEquals(0x15, Codecs.byteSum(page, 128, 222));
        assertEquals(0, Codecs.byteSum(page, 0, 128));
    }
}
