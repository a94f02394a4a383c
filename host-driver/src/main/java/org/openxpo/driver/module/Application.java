package org.openxpo.driver.module;

import org.openxpo.protocol.types.ApplicationDescriptor;
import org.openxpo.protocol.types.Lanes;

import java.util.ArrayList;
import java.util.List;

/**
 * An application the module advertises: its AppSel code (1–15), the descriptor (00h:86.. or 01h:223..) and the media
 * lanes it may start on (01h:176..).
 */
public record Application(int appSel, ApplicationDescriptor descriptor, int mediaLaneOptions) {

    public int hostLaneCount() { return descriptor.hostLaneCount(); }

    /** "1.6TAUI-8 / 1.6TBASE-DR8". */
    public String name() { return descriptor.hostInterfaceName() + " / " + descriptor.mediaInterfaceName(); }

    /** Lanes within a bank (1–8) a data path of this application may start on. */
    public List<Integer> startLanes() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < Lanes.PER_BANK; i++) if (descriptor.mayStartOn(i)) out.add(i + 1);
        return out;
    }

    /** How many data paths of this application fit in one bank side by side. */
    public int dataPathsPerBank() {
        int n = 0, nextFree = 0, count = Math.max(1, hostLaneCount());
        for (int i = 0; i < Lanes.PER_BANK; i++) {
            if (i >= nextFree && descriptor.mayStartOn(i) && i + count <= Lanes.PER_BANK) {
                n++;
                nextFree = i + count;
            }
        }
        return n;
    }

    /** "8 x 1.6TAUI-8 / 1.6TBASE-DR8" for a module of {@code banks} banks. */
    public String summary(int banks) { return dataPathsPerBank() * banks + " x " + name(); }
}
