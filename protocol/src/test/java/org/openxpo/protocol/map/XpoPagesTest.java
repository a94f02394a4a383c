package org.openxpo.protocol.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openxpo.protocol.map.XpoPages.Monitor;
import org.openxpo.protocol.units.Unit;

/** The project-defined pages B0h/B1h: every monitor has a value, latched flags, masks and four thresholds. */
class XpoPagesTest {
    private final MemoryMap map = MemoryMap.xpo();

    @Test
    void everyMonitorIsFullyDeclared() {
        for (Monitor m : Monitor.values()) {
            Field value = m.value();
            assertEquals(Pages.XPO_TELEMETRY, value.page(), m + " value");
            assertEquals(16, value.bitWidth(), m + " value");
            assertEquals(Access.RO, value.access(), m + " value");
            assertEquals(m.unit(), value.unit(), m + " value");

            Field flags = m.flags();
            assertEquals(Pages.XPO_TELEMETRY, flags.page());
            assertEquals(4, flags.bitWidth(), m + " flags are a CMIS nibble");
            assertEquals(Access.COR, flags.access());

            Field masks = m.masks();
            assertEquals(Pages.XPO_TELEMETRY, masks.page());
            assertEquals(Access.RW, masks.access());
            assertEquals(flags.offset() + 8, masks.offset(), m + " mask byte sits 8 bytes after its flag byte");
            assertEquals(flags.bit(), masks.bit());

            for (ThresholdKind kind : ThresholdKind.values()) {
                Field t = m.thresholds().get(kind);
                assertEquals(Pages.XPO_THRESHOLDS, t.page(), t.name());
                assertEquals(m.unit(), t.unit(), t.name());
                assertEquals(16, t.bitWidth(), t.name());
            }
        }
    }

    @Test
    void thresholdsComeInCmisOrder() {
        Field ha = map.field("InputVoltageHighAlarm");
        assertEquals(ha.offset() + 2, map.field("InputVoltageLowAlarm").offset());
        assertEquals(ha.offset() + 4, map.field("InputVoltageHighWarning").offset());
        assertEquals(ha.offset() + 6, map.field("InputVoltageLowWarning").offset());
    }

    @Test
    void fiftyVoltTelemetryFitsItsUnits() {
        Field v = map.field("InputVoltage");
        byte[] window = new byte[256];
        v.setValue(window, 0, 60.0);
        assertEquals(60.0, v.value(window, 0), 1e-9);
        Field maxPower = map.field("MaxPowerXpo");
        maxPower.setValue(window, 0, 450.0);
        assertEquals(450.0, maxPower.value(window, 0), 1e-9, "well above the 63.75 W of CMIS MaxPower");
        assertEquals(Unit.WATTS_10MW, maxPower.unit());
    }

    @Test
    void powerMonitorsAreTheFirstThree() {
        assertTrue(Monitor.INPUT_VOLTAGE.isPower());
        assertTrue(Monitor.INPUT_POWER.isPower());
        assertFalse(Monitor.COOLANT_FLOW.isPower());
    }

    @Test
    void customPagesAreUnbankedAndInTheVendorRange() {
        for (int page : new int[] {Pages.XPO_TELEMETRY, Pages.XPO_THRESHOLDS}) {
            PageDef def = map.page(page).orElseThrow();
            assertFalse(def.banked());
            assertTrue(page >= 0xB0 && page <= 0xFF);
        }
    }
}
