package org.openxpo.protocol.types;

/**
 * One DPConfigLane byte (10h:145.., 11h:206..): bits 7-4 AppSel (0 = lane unused), bits 3-1 DataPathID (index of
 * the first lane of the data path within the bank), bit 0 ExplicitControl.
 */
public record DpConfig(int appSel, int dataPathId, boolean explicitControl) {
    public DpConfig {
        if (appSel < 0 || appSel > 15) throw new IllegalArgumentException("AppSel " + appSel);
        if (dataPathId < 0 || dataPathId > 7) throw new IllegalArgumentException("DataPathID " + dataPathId);
    }

    public static DpConfig decode(int b) {
        return new DpConfig((b >>> 4) & 0xF, (b >>> 1) & 0x7, (b & 1) != 0);
    }

    public int encode() { return (appSel << 4) | (dataPathId << 1) | (explicitControl ? 1 : 0); }
}
