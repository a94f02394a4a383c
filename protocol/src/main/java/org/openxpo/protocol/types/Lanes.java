package org.openxpo.protocol.types;

import java.util.BitSet;

/**
 * Lanes, banks and paddle cards of the XPO module, declared once: host lanes are numbered 1..64; bank b (0..7) carries
 * lanes 8b+1..8b+8 on the banked pages 10h/11h (01h:142 BanksSupported = 3); paddle card A carries banks 0–3
 * (lanes 1–32), card B banks 4–7 (lanes 33–64).
 */
public final class Lanes {
    private Lanes() {}

    /** Banks of the lane pages. */
    public static final int BANKS = 8;
    /** BanksSupported (01h:142 bits 1-0) of {@link #BANKS} banks: code c advertises 2^c banks, so 8 banks are 3. */
    public static final int BANKS_SUPPORTED_CODE = Integer.numberOfTrailingZeros(BANKS);
    /** Lanes per bank: the elements of a per-lane field. */
    public static final int PER_BANK = 8;
    /** Host lanes of the module. */
    public static final int COUNT = BANKS * PER_BANK;
    /** Paddle cards: A (index 0) and B (index 1). */
    public static final int CARDS = 2;
    public static final int CARD_A = 0, CARD_B = 1;
    /** Banks each paddle card carries. */
    public static final int BANKS_PER_CARD = BANKS / CARDS;
    /** Lanes each paddle card carries. */
    public static final int LANES_PER_CARD = BANKS_PER_CARD * PER_BANK;

    public static int bankOf(int lane) { check(lane); return (lane - 1) / PER_BANK; }

    /** Index of the lane within its bank (0..7), the element index of a per-lane field. */
    public static int indexInBank(int lane) { check(lane); return (lane - 1) % PER_BANK; }

    /** The lane at element {@code index} (0..7) of {@code bank}. */
    public static int lane(int bank, int index) {
        checkBank(bank);
        if (index < 0 || index >= PER_BANK) throw new IllegalArgumentException("lane index " + index + " is outside 0-" + (PER_BANK - 1));
        return bank * PER_BANK + index + 1;
    }

    /** The first lane of {@code bank} (8b+1). */
    public static int firstLane(int bank) { return lane(bank, 0); }

    /** The paddle card ({@link #CARD_A} or {@link #CARD_B}) that carries {@code bank}. */
    public static int cardOfBank(int bank) { checkBank(bank); return bank / BANKS_PER_CARD; }

    /** The paddle card that carries {@code lane}. */
    public static int cardOf(int lane) { return cardOfBank(bankOf(lane)); }

    /** The first bank of paddle card {@code card} (0 for A, 4 for B). */
    public static int firstBankOfCard(int card) { checkCard(card); return card * BANKS_PER_CARD; }

    /** The first lane of paddle card {@code card} (1 for A, 33 for B); the card has {@link #LANES_PER_CARD} lanes. */
    public static int firstLaneOfCard(int card) { return firstLane(firstBankOfCard(card)); }

    /** The 8-bit lane mask of {@code lanes} that fall in {@code bank}. */
    public static int bankMask(BitSet lanes, int bank) {
        int mask = 0;
        for (int i = 0; i < PER_BANK; i++) if (lanes.get(lane(bank, i))) mask |= 1 << i;
        return mask;
    }

    /** Parses "A-B", "A" or a comma list of those ("1-8,17") into lane numbers 1..64. */
    public static BitSet parse(String spec) {
        BitSet out = new BitSet();
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("empty lane list");
        for (String part : spec.split(",", -1)) {
            String p = part.trim();
            String[] ends = p.split("-", -1);
            if (ends.length > 2) throw new IllegalArgumentException("bad lane range '" + p + "'");
            int a = parseLane(ends[0]);
            int b = ends.length == 2 ? parseLane(ends[1]) : a;
            if (b < a) throw new IllegalArgumentException("lane range '" + p + "' runs backwards");
            out.set(a, b + 1);
        }
        return out;
    }

    private static int parseLane(String s) {
        try {
            int lane = Integer.parseInt(s.trim());
            check(lane);
            return lane;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s.trim() + "' is not a lane number (1-" + COUNT + ")");
        }
    }

    public static void check(int lane) {
        if (lane < 1 || lane > COUNT)
            throw new IllegalArgumentException("lane " + lane + " is outside 1-" + COUNT);
    }

    public static void checkBank(int bank) {
        if (bank < 0 || bank >= BANKS) throw new IllegalArgumentException("bank " + bank + " is outside 0-" + (BANKS - 1));
    }

    private static void checkCard(int card) {
        if (card < 0 || card >= CARDS) throw new IllegalArgumentException("paddle card " + card + " is outside 0-" + (CARDS - 1));
    }
}
