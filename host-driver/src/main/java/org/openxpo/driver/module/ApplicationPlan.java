package org.openxpo.driver.module;

import org.openxpo.driver.XpoException;
import org.openxpo.protocol.types.Lanes;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An application checked against the module's advertisement before anything is written: the AppSel exists, and the
 * lanes split, in ascending order, into whole data paths of the application's host lane count, each inside one bank
 * and starting on a lane the descriptor allows.
 *
 * @param firstLanes first host lane (1–64) of each data path
 */
public record ApplicationPlan(Application application, BitSet lanes, List<Integer> firstLanes) {

    public static ApplicationPlan of(Identity id, int appSel, BitSet lanes) {
        if (lanes.isEmpty()) throw new XpoException.InvalidRequest("no lanes given");
        if (lanes.nextSetBit(0) < 1 || lanes.length() - 1 > id.lanes()) {
            throw new XpoException.InvalidRequest("lanes " + LaneSets.format(lanes) + " are outside 1-" + id.lanes());
        }
        Application app = id.application(appSel).orElseThrow(() -> new XpoException.InvalidRequest(
            "AppSel " + appSel + " is not advertised; the module offers " + offers(id)));
        int count = app.hostLaneCount();
        if (count < 1 || count > Lanes.PER_BANK) {
            throw new XpoException.InvalidRequest("AppSel " + appSel + " advertises " + count + " host lanes, which no bank holds");
        }
        List<Integer> firsts = new ArrayList<>();
        for (int lane = lanes.nextSetBit(0); lane >= 0; lane = lanes.nextSetBit(lane + count)) {
            int index = Lanes.indexInBank(lane);
            if (!app.descriptor().mayStartOn(index)) {
                throw new XpoException.InvalidRequest("a data path of AppSel " + appSel + " (" + app.name()
                    + ") starts on lane " + join(app.startLanes()) + " of a bank, not on lane " + lane
                    + " (lane " + (index + 1) + " of bank " + Lanes.bankOf(lane) + ")");
            }
            if (index + count > Lanes.PER_BANK) {
                throw new XpoException.InvalidRequest("a data path of " + count + " lanes starting on lane " + lane
                    + " would cross into the next bank");
            }
            BitSet path = LaneSets.range(lane, lane + count - 1);
            BitSet missing = (BitSet) path.clone();
            missing.andNot(lanes);
            if (!missing.isEmpty()) {
                throw new XpoException.InvalidRequest("lanes " + LaneSets.format(lanes) + " do not split into data paths of "
                    + count + " lanes (AppSel " + appSel + ", " + app.name() + "): the one on lanes "
                    + LaneSets.format(path) + " lacks " + LaneSets.format(missing));
            }
            firsts.add(lane);
        }
        return new ApplicationPlan(app, (BitSet) lanes.clone(), List.copyOf(firsts));
    }

    /** The first lane of the data path {@code lane} belongs to. */
    public int firstLaneOf(int lane) {
        int first = -1;
        for (int f : firstLanes) if (f <= lane) first = f;
        return first;
    }

    private static String offers(Identity id) {
        if (id.applications().isEmpty()) return "no application";
        return id.applications().stream().map(a -> a.appSel() + " (" + a.name() + ")")
            .collect(Collectors.joining(", "));
    }

    private static String join(List<Integer> lanes) {
        if (lanes.size() == 1) return lanes.getFirst().toString();
        String all = lanes.stream().map(String::valueOf).collect(Collectors.joining(", "));
        int cut = all.lastIndexOf(", ");
        return all.substring(0, cut) + " or " + all.substring(cut + 2);
    }
}
