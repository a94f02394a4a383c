package org.openxpo.emulator.grpc;

import org.openxpo.emulator.Cage;
import org.openxpo.emulator.grpc.proto.DataPathStateMachine;
import org.openxpo.emulator.grpc.proto.GetInfoResponse;
import org.openxpo.emulator.grpc.proto.ModuleState;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.DpConfig;
import org.openxpo.protocol.types.Lanes;

import java.util.ArrayList;
import java.util.List;

/**
 * GetInfo's answer for a cage, read from the module without side effects (peek: no flag clears, the bus is not used):
 * presence, the module state and vendor name, and one entry per data path of the active control set (lanes of a bank
 * sharing AppSel and DataPathID; AppSel 0 lanes are unused) with its state as CMIS names it.
 */
final class ModuleInfo {
    private ModuleInfo() {}

    /** {@code module}: the cage's module, plugged or kept aside (null: none). */
    static GetInfoResponse of(int index, Cage cage, XpoModule module) {
        GetInfoResponse.Builder info = GetInfoResponse.newBuilder().setIndex(index);
        XpoModule plugged = cage.module();
        if (plugged == null) {
            if (module != null) info.setMsm(ModuleState.newBuilder().setVendorName(module.config().vendorName()));
            return info.setPresent(false).build();
        }
        return info.setPresent(true)
            .setMsm(ModuleState.newBuilder().setState(plugged.moduleState().cmisName())
                .setVendorName(plugged.config().vendorName()))
            .addAllDpsms(dataPaths(plugged)).build();
    }

    private static List<DataPathStateMachine> dataPaths(XpoModule m) {
        List<DataPathStateMachine> out = new ArrayList<>();
        for (int bank = 0; bank < Lanes.BANKS; bank++) {
            boolean[] listed = new boolean[Lanes.PER_BANK];
            DpConfig[] lanes = new DpConfig[Lanes.PER_BANK];
            for (int i = 0; i < Lanes.PER_BANK; i++)
                lanes[i] = DpConfig.decode((int) m.peek(LaneStatusPage.ACS_DP_CONFIG_LANE, bank, i));
            for (int i = 0; i < Lanes.PER_BANK; i++) {
                DpConfig c = lanes[i];
                if (c.appSel() == 0 || listed[i]) continue;
                for (int j = i; j < Lanes.PER_BANK; j++)
                    if (lanes[j].appSel() == c.appSel() && lanes[j].dataPathId() == c.dataPathId()) listed[j] = true;
                DataPathState state = DataPathState.fromCode((int) m.peek(LaneStatusPage.DP_STATE, bank, i));
                out.add(DataPathStateMachine.newBuilder().setBank(bank).setDpid(c.dataPathId()).setAppsel(c.appSel())
                    .setState(state == null ? "" : state.cmisName()).build());
            }
        }
        return out;
    }
}
