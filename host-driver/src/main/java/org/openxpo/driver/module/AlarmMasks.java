package org.openxpo.driver.module;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.types.Lanes;

import java.util.BitSet;

/**
 * Interrupt masks by alarm name: CMIS keeps a mask bit beside every flag bit (1 = the flag latches but does not assert
 * IntL). Lane masks are read-modify-written per bank byte; module and XPO masks per bit.
 */
final class AlarmMasks {
    private AlarmMasks() {}

    static void set(RegisterAccess access, Identity id, String alarm, BitSet lanes, boolean masked) {
        AlarmCatalog.Definition d = AlarmCatalog.find(alarm).orElseThrow(() -> new XpoException.InvalidRequest(
            "no alarm named '" + alarm + "'"));
        Field mask = d.mask();
        if (mask.page() == Pages.XPO_TELEMETRY && !mask.lower() && !id.xpo()) {
            throw new XpoException.InvalidRequest(d.name() + " is an XPO alarm; this module has no XPO pages");
        }
        if (d.perLane()) {
            if (lanes == null || lanes.isEmpty()) throw new XpoException.InvalidRequest(d.name() + " is a lane alarm: give lanes");
            if (lanes.nextSetBit(0) < 1 || lanes.length() - 1 > id.lanes()) {
                throw new XpoException.InvalidRequest("lanes " + LaneSets.format(lanes) + " are outside 1-" + id.lanes());
            }
            for (int bank : DataPathSequencer.banks(lanes)) {
                int m = Lanes.bankMask(lanes, bank);
                int b = access.read(mask.page(), bank, mask.offset(), 1)[0] & 0xFF;
                access.write(mask.page(), bank, mask.offset(), new byte[] {(byte) (masked ? b | m : b & ~m)});
            }
            return;
        }
        long v = access.get(mask);
        long bit = d.bit() < 0 ? 1 : 1L << d.bit();
        access.set(mask, 0, 0, masked ? v | bit : v & ~bit);
    }
}
