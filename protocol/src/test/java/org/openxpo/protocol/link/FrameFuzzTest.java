package org.openxpo.protocol.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds the decoder seeded random and mutated frames. Each must decode or be refused with LinkProtocolException —
 * never another exception, never a hang. A frame that decodes must re-encode to exactly its input: the decoder accepts
 * one encoding per frame, so nothing a peer sends can mean two things.
 */
class FrameFuzzTest {
    private static final int CASES = 120_000;
    private static final long SEED = 0x58504F4CL; // "XPOL"

    @Test
    void mutatedFramesDecodeOrAreRefusedAndNothingElse() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Random rnd = new Random(SEED);
            List<byte[]> seeds = new ArrayList<>();
            for (Frame f : SampleFrames.all()) seeds.add(FrameCodec.encode(f));
            for (int i = 0; i < 500; i++) seeds.add(FrameCodec.encode(SampleFrames.random(rnd)));

            int decoded = 0;
            Map<LinkError, Integer> refused = new EnumMap<>(LinkError.class);
            long start = System.nanoTime();
            for (int i = 0; i < CASES; i++) {
                byte[] input = i % 10 == 0 ? randomFrame(rnd) : mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
                try {
                    Frame frame = FrameCodec.decode(ByteBuffer.wrap(input));
                    decoded++;
                    if (!(frame instanceof Frame.Hello h && !LinkVersion.accepts(h.major())))
                        assertArrayEquals(input, FrameCodec.encode(frame), () -> "not canonical: " + Hex.text(input));
                } catch (LinkProtocolException e) {
                    refused.merge(e.error(), 1, Integer::sum);
                } catch (RuntimeException | Error e) {
                    fail("case " + i + " threw " + e + " for " + Hex.text(input), e);
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("link fuzz: %d cases in %d ms: %d decoded, refused %s%n", CASES, millis, decoded, refused);
            assertTrue(decoded > CASES / 20, "mutations should leave many frames valid, got " + decoded);
            for (LinkError e : List.of(LinkError.MALFORMED_FRAME, LinkError.BAD_ARGUMENT, LinkError.UNKNOWN_TYPE,
                LinkError.FRAME_TOO_LARGE))
                assertTrue(refused.containsKey(e), "no input was refused with " + e);
        });
    }

    /** One to four edits; the length field is usually fixed up afterwards so the body parser, not the length check, sees them. */
    private static byte[] mutate(byte[] seed, Random rnd) {
        byte[] b = seed.clone();
        for (int edits = 1 + rnd.nextInt(4); edits > 0; edits--) {
            b = switch (rnd.nextInt(7)) {
                case 0 -> flipBit(b, rnd);
                case 1 -> setByte(b, rnd);
                case 2 -> insert(b, rnd);
                case 3 -> delete(b, rnd);
                case 4 -> Arrays.copyOf(b, rnd.nextInt(b.length + 1));
                case 5 -> setCountOrLength(b, rnd);
                default -> Arrays.copyOf(b, b.length + 1 + rnd.nextInt(8));
            };
        }
        int r = rnd.nextInt(10);
        if (b.length >= 4 && r < 7) ByteBuffer.wrap(b).putInt(0, b.length - 4);
        else if (b.length >= 4 && r == 7) ByteBuffer.wrap(b).putInt(0, rnd.nextInt());
        return b;
    }

    private static byte[] flipBit(byte[] b, Random rnd) {
        if (b.length > 0) b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
        return b;
    }

    private static byte[] setByte(byte[] b, Random rnd) {
        if (b.length > 0) b[rnd.nextInt(b.length)] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : 0xFF);
        return b;
    }

    /** Counts and lengths are where parsers break: overwrite a byte pair with a boundary value. */
    private static byte[] setCountOrLength(byte[] b, Random rnd) {
        if (b.length < 6) return b;
        int at = 5 + rnd.nextInt(b.length - 5);
        int[] boundaries = {0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x2000, 0x2001, 0xFFFF};
        int v = boundaries[rnd.nextInt(boundaries.length)];
        b[at] = (byte) (v >> 8);
        if (at + 1 < b.length) b[at + 1] = (byte) v;
        return b;
    }

    private static byte[] insert(byte[] b, Random rnd) {
        int at = rnd.nextInt(b.length + 1), n = 1 + rnd.nextInt(4);
        byte[] extra = new byte[n];
        rnd.nextBytes(extra);
        byte[] out = new byte[b.length + n];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, n);
        System.arraycopy(b, at, out, at + n, b.length - at);
        return out;
    }

    private static byte[] delete(byte[] b, Random rnd) {
        if (b.length == 0) return b;
        int at = rnd.nextInt(b.length), n = Math.min(1 + rnd.nextInt(4), b.length - at);
        byte[] out = new byte[b.length - n];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + n, out, at, b.length - at - n);
        return out;
    }

    /** Noise behind a plausible header: a known or unknown type, and a length field that is right or random. */
    private static byte[] randomFrame(Random rnd) {
        byte[] b = new byte[5 + rnd.nextInt(64)];
        rnd.nextBytes(b);
        FrameType[] types = FrameType.values();
        b[4] = rnd.nextInt(4) == 0 ? (byte) rnd.nextInt(256) : (byte) types[rnd.nextInt(types.length)].code();
        ByteBuffer.wrap(b).putInt(0, rnd.nextInt(4) == 0 ? rnd.nextInt() : b.length - 4);
        return b;
    }
}
