package org.openxpo.protocol.link;

import java.nio.charset.StandardCharsets;

/** Texts on the link are UTF-8 of at most {@link LinkLimits#MAX_TEXT_BYTES}; senders cut, never fail, on long ones. */
final class LinkText {
    private LinkText() {}

    /**
     * The text as it will arrive: null as empty, unpaired surrogates as '?' (what UTF-8 encoding does), cut at a
     * character boundary to the byte limit. Records hold this form so that a decoded frame equals the one sent.
     */
    static String fit(String text) {
        if (text == null) return "";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int cut = Math.min(utf8.length, LinkLimits.MAX_TEXT_BYTES);
        if (cut < utf8.length) {
            while (cut > 0 && (utf8[cut] & 0xC0) == 0x80) cut--; // never split a multi-byte character
        }
        return new String(utf8, 0, cut, StandardCharsets.UTF_8);
    }
}
