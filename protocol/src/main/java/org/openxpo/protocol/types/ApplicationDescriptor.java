package org.openxpo.protocol.types;

/**
 * A CMIS application descriptor (00h:86.., 01h:223..): host interface ID and media interface ID (SFF-8024), host and
 * media lane counts, and the host lanes (within a bank) the application may start on.
 */
public record ApplicationDescriptor(int hostInterfaceId, int mediaInterfaceId, int hostLaneCount,
                                    int mediaLaneCount, int hostLaneOptions) {

    /** SFF-8024 host electrical interface codes used by the XPO profile. */
    public static final int HOST_200GAUI_1 = 128, HOST_400GAUI_2 = 129, HOST_800GAUI_4 = 130, HOST_1_6TAUI_8 = 131;
    /** SFF-8024 SMF media interface codes used by the XPO profile. */
    public static final int SMF_200GBASE_DR1 = 115, SMF_400GBASE_DR2 = 117, SMF_800GBASE_DR4 = 119,
        SMF_1_6TBASE_DR8 = 127;
    /** Host interface ID FFh marks the end of the list. */
    public static final int END_OF_LIST = 0xFF;

    public static ApplicationDescriptor decode(byte[] b, int at) {
        return new ApplicationDescriptor(b[at] & 0xFF, b[at + 1] & 0xFF, (b[at + 2] >>> 4) & 0xF, b[at + 2] & 0xF,
            b[at + 3] & 0xFF);
    }

    public static ApplicationDescriptor decode(long packed) {
        return new ApplicationDescriptor((int) (packed >>> 24) & 0xFF, (int) (packed >>> 16) & 0xFF,
            (int) (packed >>> 12) & 0xF, (int) (packed >>> 8) & 0xF, (int) packed & 0xFF);
    }

    /** The 4 bytes as one big-endian value (how the map's AppDescriptor field holds it). */
    public long encode() {
        return ((long) hostInterfaceId << 24) | ((long) mediaInterfaceId << 16) | ((long) hostLaneCount << 12)
            | ((long) mediaLaneCount << 8) | hostLaneOptions;
    }

    public boolean isEndOfList() { return hostInterfaceId == END_OF_LIST || hostInterfaceId == 0; }

    /** True when a data path of this application may start on lane index {@code first} (0..7) of a bank. */
    public boolean mayStartOn(int first) { return first >= 0 && first < 8 && (hostLaneOptions & (1 << first)) != 0; }

    public String hostInterfaceName() { return hostName(hostInterfaceId); }

    public String mediaInterfaceName() { return smfMediaName(mediaInterfaceId); }

    /** Per-application data rate in Gb/s (nominal), from the host interface. */
    public int gigabits() {
        return switch (hostInterfaceId) {
            case HOST_200GAUI_1 -> 200;
            case HOST_400GAUI_2 -> 400;
            case HOST_800GAUI_4 -> 800;
            case HOST_1_6TAUI_8 -> 1600;
            default -> 0;
        };
    }

    public static String hostName(int id) {
        return switch (id) {
            case HOST_200GAUI_1 -> "200GAUI-1";
            case HOST_400GAUI_2 -> "400GAUI-2";
            case HOST_800GAUI_4 -> "800GAUI-4";
            case HOST_1_6TAUI_8 -> "1.6TAUI-8";
            case 17 -> "400GAUI-8 C2M";
            case 81 -> "800GAUI-8 S";
            default -> String.format("host ID %d", id);
        };
    }

    public static String smfMediaName(int id) {
        return switch (id) {
            case SMF_200GBASE_DR1 -> "200GBASE-DR1";
            case SMF_400GBASE_DR2 -> "400GBASE-DR2";
            case SMF_800GBASE_DR4 -> "800GBASE-DR4";
            case SMF_1_6TBASE_DR8 -> "1.6TBASE-DR8";
            default -> String.format("media ID %d", id);
        };
    }

    @Override
    public String toString() {
        return String.format("%s / %s (%d host, %d media lanes, start lanes 0x%02X)", hostInterfaceName(),
            mediaInterfaceName(), hostLaneCount, mediaLaneCount, hostLaneOptions);
    }
}
