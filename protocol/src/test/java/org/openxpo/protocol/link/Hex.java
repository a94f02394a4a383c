package org.openxpo.protocol.link;

import java.util.HexFormat;

/** Hex dumps for layout tests: spaces and line breaks in the hand-written text are ignored. */
final class Hex {
    private Hex() {}

    static byte[] bytes(String hex) { return HexFormat.of().parseHex(hex.replaceAll("\\s+", "")); }

    static String text(byte[] bytes) { return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes); }
}
