package org.openxpo.driver.cli;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.Severity;
import org.openxpo.protocol.types.ModuleState;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AlarmTableTest {
    @Test
    void columnsAlignWhateverTheNamesAndLanes() {
        List<Alarm> alarms = List.of(
            new Alarm("TxFailure", Severity.ALARM, Alarm.Source.LANE, 3, "Tx failure (laser fault)"),
            new Alarm("CardAColdZoneTempHighWarning", Severity.WARNING, Alarm.Source.COOLING, null, "card A cold zone high"),
            new Alarm("RxLos", Severity.ALARM, Alarm.Source.LANE, 1, "Rx loss of signal"),
            new Alarm("RxLos", Severity.ALARM, Alarm.Source.LANE, 2, "Rx loss of signal"),
            new Alarm("RxLos", Severity.ALARM, Alarm.Source.LANE, 9, "Rx loss of signal"),
            new Alarm("RxLos", Severity.ALARM, Alarm.Source.LANE, 17, "Rx loss of signal"),
            new Alarm("RxLos", Severity.ALARM, Alarm.Source.LANE, 33, "Rx loss of signal"));
        String table = TableViews.alarms(ModuleState.READY, null, alarms);
        List<String> rows = table.lines().skip(1).toList();
        assertEquals(4, rows.size(), table);
        int where = rows.getFirst().indexOf("Where"), description = rows.getFirst().indexOf("Description");
        for (String row : rows.subList(1, rows.size())) {
            assertEquals(' ', row.charAt(where - 1), table);
            assertNotEquals(' ', row.charAt(where), "the Where column starts at one place:\n" + table);
            assertEquals(' ', row.charAt(description - 1), table);
            assertNotEquals(' ', row.charAt(description), "the Description column starts at one place:\n" + table);
        }
        assertTrue(table.contains("lanes 1-2,9,17,33"), table);
        XpoCtlTest.assertFits80Columns(table);
    }
}
