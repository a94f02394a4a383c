package org.openxpo.protocol.link;

/** Frame type codes. A response's code is its request's code with bit 7 set, where there is a dedicated response. */
public enum FrameType {
    HELLO(0x01, true),
    PING(0x02, true),
    LIST_CAGES(0x03, true),
    I2C_TRANSFER(0x10, true),
    I3C_TRANSFER(0x11, true),
    I3C_CCC(0x12, true),
    I3C_ENTDAA(0x13, true),
    I2C_BATCH(0x14, true),
    I3C_BATCH(0x15, true),
    PIN_WRITE(0x20, true),
    PIN_READ(0x21, true),
    SUBSCRIBE(0x30, true),
    UNSUBSCRIBE(0x31, true),
    ACK(0x80, false),
    HELLO_OK(0x81, false),
    CAGE_LIST(0x83, false),
    TRANSFER_RESULT(0x90, false),
    CCC_RESULT(0x92, false),
    ENTDAA_RESULT(0x93, false),
    BATCH_RESULT(0x94, false),
    PIN_LEVELS(0xA1, false),
    EVENT(0xE0, false),
    ERROR(0xFF, false);

    private static final FrameType[] BY_CODE = new FrameType[256];

    static {
        for (FrameType t : values()) BY_CODE[t.code] = t;
    }

    private final int code;
    private final boolean fromClient;

    FrameType(int code, boolean fromClient) {
        this.code = code;
        this.fromClient = fromClient;
    }

    public int code() { return code; }

    /** True for requests (client → server), false for what the server sends. */
    public boolean fromClient() { return fromClient; }

    /** The type with this code, or null. */
    public static FrameType fromCode(int code) { return code >= 0 && code < 256 ? BY_CODE[code] : null; }
}
