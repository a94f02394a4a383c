package org.openxpo.protocol.connector;

/** I3C common command codes the XPO target implements (MIPI I3C Basic numbering). */
public final class Ccc {
    private Ccc() {}

    /** The broadcast address: CCCs sent to it are broadcast. */
    public static final int BROADCAST = 0x7E;

    public static final int ENEC_BC = 0x00, DISEC_BC = 0x01, RSTDAA_BC = 0x06, ENTDAA = 0x07, SETMWL_BC = 0x09,
        SETMRL_BC = 0x0A, SETAASA = 0x29, RSTACT_BC = 0x2A;
    public static final int ENEC = 0x80, DISEC = 0x81, RSTDAA = 0x86, SETDASA = 0x87, SETNEWDA = 0x88, SETMWL = 0x89,
        SETMRL = 0x8A, GETMWL = 0x8B, GETMRL = 0x8C, GETPID = 0x8D, GETBCR = 0x8E, GETDCR = 0x8F, GETSTATUS = 0x90,
        RSTACT = 0x9A;

    /** ENEC/DISEC event bits. */
    public static final int EVENT_INT = 0x01, EVENT_CR = 0x02, EVENT_HJ = 0x08;

    public static boolean isDirect(int code) { return (code & 0x80) != 0; }
}
