package org.openxpo.protocol.map;

import java.util.List;

/**
 * One page of the map (for page 00h: its upper half; the lower page is {@link MemoryMap#lower()}). Banked pages exist
 * once per bank with the same layout.
 *
 * @param banks 0 for an unbanked page, else the number of banks the module implements
 * @param views selector-dependent meanings of some of its bytes (page 14h results), not fields of their own
 */
public record PageDef(int number, int banks, String title, String summary, List<Field> fields, List<FieldView> views,
                      ByteRules rules) {

    public boolean banked() { return banks > 0; }

    /** True when {@code bank} may be selected together with this page. */
    public boolean acceptsBank(int bank) { return banked() ? bank >= 0 && bank < banks : bank == 0; }

    public String label() { return String.format("%02Xh", number); }
}
