package org.openxpo.protocol.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The VDM observable catalogue: CMIS IDs, SONiC names, and the exact encodings hosts decode. */
class VdmTypeTest {

    @ParameterizedTest(name = "{0}: {1} is raw {2}")
    @CsvSource({
        // the worked examples of telemetry-and-diagnostics §1.5
        "ESNR_MEDIA, 18.5, 0x1280", "LASER_TEMPERATURE, 45.25, 0x2D40", "PRE_FEC_BER_CURRENT_MEDIA, 1.0e-6, 0x7BE8",
        "PRE_FEC_BER_MAX_HOST, 2.4e-4, 0x90F0", "LTP_MEDIA, 0, 0", "LASER_TEMPERATURE, -5, 0xFB00"
    })
    void aValueEncodesToTheWordHostsDecode(VdmType type, double value, int raw) {
        assertEquals(raw, type.encode(value));
        assertEquals(value, type.decode(raw), Math.abs(value) * 1e-9);
    }

    @Test
    void encodingsSaturateInsteadOfWrapping() {
        assertEquals(0xFFFF, VdmType.ESNR_HOST.encode(300), "U16 1/256 dB tops out just below 256 dB");
        assertEquals(0, VdmType.ESNR_HOST.encode(-3), "no negative SNR on the wire");
        assertEquals(0x8000, VdmType.LASER_TEMPERATURE.encode(-200));
        assertEquals(0xFFFF, VdmType.ERRORED_FRAMES_CURRENT_MEDIA.encode(1e12));
    }

    @Test
    void idsAreCmisAndNamesAreSonics() {
        Set<Integer> ids = new HashSet<>();
        for (VdmType t : VdmType.values()) {
            assertTrue(ids.add(t.id()), t + " duplicates an ID");
            assertEquals(Optional.of(t), VdmType.of(t.id()));
        }
        assertEquals(24, ids.size());
        assertEquals("eSNR Media Input [dB]", VdmType.ESNR_MEDIA.cmisName());
        assertEquals(Optional.of("prefec_ber_curr_host_input"), VdmType.PRE_FEC_BER_CURRENT_HOST.dbKeyPrefix());
        assertEquals(Optional.of("laser_temperature_media"), VdmType.of(4).flatMap(VdmType::dbKeyPrefix));
        assertEquals(Optional.empty(), VdmType.LASER_AGE.dbKeyPrefix());
        assertEquals(Optional.empty(), VdmType.of(0), "0 marks an unused descriptor");
        assertEquals(Optional.empty(), VdmType.of(104), "custom IDs are unknown");
        assertEquals(Optional.empty(), VdmType.of(300));
    }

    @Test
    void statisticsAreTheMinMaxAvgTypesAndNameWhatTheySample() {
        for (VdmType t : VdmType.values()) {
            boolean statistic = (t.id() >= 9 && t.id() <= 14) || (t.id() >= 17 && t.id() <= 22);
            assertEquals(statistic, t.isStatistic(), t.toString());
            assertFalse(t.sampled().isStatistic(), t + " samples a basic type");
            assertEquals(t.side(), t.sampled().side(), t + " samples its own side");
        }
        assertEquals(VdmType.PRE_FEC_BER_CURRENT_MEDIA, VdmType.PRE_FEC_BER_AVG_MEDIA.sampled());
        assertEquals(VdmType.ERRORED_FRAMES_CURRENT_HOST, VdmType.ERRORED_FRAMES_MAX_HOST.sampled());
        assertEquals(VdmType.Statistic.MAX, VdmType.ERRORED_FRAMES_MAX_HOST.statistic());
        assertEquals(VdmType.ESNR_HOST, VdmType.ESNR_HOST.sampled());
        assertEquals(VdmType.Side.HOST, VdmType.LTP_HOST.side());
        assertEquals(VdmType.Side.MEDIA, VdmType.LASER_TEMPERATURE.side());
    }
}
