package org.openxpo.protocol.map;

/**
 * One meaning of a shared byte area that a selector switches: {@code field} reads {@code area}'s bytes as its own
 * while {@code selector} holds {@code code} (page 14h: DiagnosticsSelector 01h makes the results area per-lane BER,
 * 06h per-lane SNR). The area is the declared field; the view only tells how to read it.
 */
public record FieldView(Field field, Field area, Field selector, int code) {
    public FieldView {
        if (field.page() != area.page()) throw new IllegalArgumentException(field.name() + " is not on " + area.name() + "'s page");
        if (code < 0 || code >= 1 << selector.bitWidth())
            throw new IllegalArgumentException(field.name() + ": selector code " + code + " does not fit " + selector.name());
    }
}
