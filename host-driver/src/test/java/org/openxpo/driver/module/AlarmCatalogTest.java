package org.openxpo.driver.module;

import org.junit.jupiter.api.Test;
import org.openxpo.protocol.map.Access;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.Pages;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class AlarmCatalogTest {
    static final MemoryMap MAP = MemoryMap.xpo();

    @Test
    void everyLatchedFieldIsCoveredAndEveryNameIsUnique() {
        Set<String> names = new HashSet<>();
        Set<String> flags = new HashSet<>();
        for (AlarmCatalog.Definition d : AlarmCatalog.all()) {
            assertTrue(names.add(d.name()), "duplicate " + d.name());
            assertEquals(Access.COR, d.flag().access(), d.name());
            assertEquals(Access.RW, d.mask().access(), d.name());
            flags.add(d.flag().name());
        }
        for (var f : MAP.fields()) {
            // the VDM flags (2Ch) are a nibble per descriptor whose meaning the module's descriptors give: the VDM
            // reader names those alarms, not this catalogue of fixed flags
            if (!f.lower() && f.page() == Pages.VDM_FLAGS) continue;
            if (f.access() == Access.COR) assertTrue(flags.contains(f.name()), f.name() + " has no alarm");
        }
    }

    @Test
    void decodesNibblesBitsAndLanes() {
        byte[] lower = new byte[256];
        lower[9] = (byte) 0x14;  // Vcc HighAlarm (bit4), Temp HighWarning (bit2)
        lower[8] = 0x01;         // ModuleStateChanged
        List<Alarm> module = AlarmCatalog.decodeLower(lower);
        assertEquals(List.of("ModuleStateChanged", "TempHighWarning", "VccHighAlarm"),
            module.stream().map(Alarm::name).toList());
        assertEquals(Severity.WARNING, module.get(1).severity());
        assertEquals(Severity.ALARM, module.get(2).severity());
        assertNull(module.get(2).lane());

        byte[] p11 = new byte[256];
        p11[135] = (byte) 0x84;  // FailureFlagTx lanes 3 and 8 of the bank
        List<Alarm> lanes = AlarmCatalog.decodeBank(p11, 2);
        assertEquals(List.of(19, 24), lanes.stream().map(Alarm::lane).toList());
        assertTrue(lanes.stream().allMatch(a -> a.name().equals("TxFailure") && a.source() == Alarm.Source.LANE));

        byte[] b0 = new byte[256];
        b0[162] = 0x20;          // CoolantFlow LowAlarm (bits 7-4, bit1 of the nibble)
        b0[165] = 0x10;          // Leak
        List<Alarm> xpo = AlarmCatalog.decodeXpo(b0);
        assertEquals(List.of("CoolantFlowLowAlarm", "Leak"), xpo.stream().map(Alarm::name).toList());
        assertTrue(xpo.stream().allMatch(a -> a.source() == Alarm.Source.COOLING));
    }

    @Test
    void stateChangesAreInformational() {
        assertTrue(AlarmCatalog.find("DataPathStateChanged").orElseThrow().event());
        assertFalse(AlarmCatalog.find("TxLos").orElseThrow().event());
        assertEquals(Alarm.Source.POWER, AlarmCatalog.find("InputVoltageHighAlarm").orElseThrow().source());
    }
}
