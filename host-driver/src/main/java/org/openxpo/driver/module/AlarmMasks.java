package org.openxpo.driver.module;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.vdm.AdvertisedVdm;
import org.openxpo.driver.vdm.VdmFlag;
import org.openxpo.driver.vdm.VdmObservable;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.map.ThresholdKind;
import org.openxpo.protocol.types.Lanes;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Interrupt masks by alarm name: CMIS keeps a mask bit beside every flag bit (1 = the flag latches but does not assert
 * IntL). Lane masks are read-modify-written per bank byte; module and XPO masks per bit; VDM masks (2Dh) per nibble
 * bit of the descriptors the name matches in the module's layout.
 */
final class AlarmMasks {
    private AlarmMasks() {}

    /** {@code vdm}: the module's VDM layout, null when it advertises none. */
    static void set(RegisterAccess access, Identity id, AdvertisedVdm vdm, String alarm, BitSet lanes, boolean masked) {
        AlarmCatalog.Definition d = AlarmCatalog.find(alarm).orElse(null);
        if (d == null) {
            List<VdmFlag> named = vdm == null ? List.of() : vdmFlagsNamed(vdm, alarm);
            if (named.isEmpty()) throw new XpoException.InvalidRequest("no alarm named '" + alarm + "'");
            setVdm(access, id, named, lanes, masked);
            return;
        }
        Field mask = d.mask();
        if (mask.page() == Pages.XPO_TELEMETRY && !mask.lower() && !id.xpo()) {
            throw new XpoException.InvalidRequest(d.name() + " is an XPO alarm; this module has no XPO pages");
        }
        if (d.perLane()) {
            checkLanes(id, d.name(), lanes);
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

    /** The flags of every descriptor and kind whose alarm name is {@code alarm} (ignoring case). */
    private static List<VdmFlag> vdmFlagsNamed(AdvertisedVdm vdm, String alarm) {
        List<VdmFlag> out = new ArrayList<>();
        for (VdmObservable o : vdm.observables()) {
            for (ThresholdKind k : ThresholdKind.values()) {
                VdmFlag f = new VdmFlag(o, k);
                if (f.name().equalsIgnoreCase(alarm)) out.add(f);
            }
        }
        return out;
    }

    /** Sets the mask bit of each named flag on {@code lanes} (all of a module-level observable's). */
    private static void setVdm(RegisterAccess access, Identity id, List<VdmFlag> named, BitSet lanes, boolean masked) {
        String name = named.getFirst().name();
        List<VdmFlag> chosen = named;
        if (named.getFirst().observable().lane() > 0) {
            checkLanes(id, name, lanes);
            chosen = named.stream().filter(f -> lanes.get(f.observable().lane())).toList();
            BitSet missing = (BitSet) lanes.clone();
            chosen.forEach(f -> missing.clear(f.observable().lane()));
            if (!missing.isEmpty()) {
                throw new XpoException.InvalidRequest("the module has no " + name + " on " + LaneSets.describe(missing));
            }
        }
        for (VdmFlag f : chosen) {
            VdmObservable o = f.observable();
            Field mask = o.group().masks();
            long v = access.get(mask, o.bank(), o.index());
            long bit = 1L << f.kind().flagBit();
            access.set(mask, o.bank(), o.index(), masked ? v | bit : v & ~bit);
        }
    }

    private static void checkLanes(Identity id, String alarm, BitSet lanes) {
        if (lanes == null || lanes.isEmpty()) throw new XpoException.InvalidRequest(alarm + " is a lane alarm: give lanes");
        if (lanes.nextSetBit(0) < 1 || lanes.length() - 1 > id.lanes()) {
            throw new XpoException.InvalidRequest("lanes " + LaneSets.format(lanes) + " are outside 1-" + id.lanes());
        }
    }
}
