package org.openxpo.emulator.module;

import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.protocol.cdb.CdbCommand;
import org.openxpo.protocol.connector.I2cResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Drives CDB through the bus the way the Linux kernel does: EPL pages, then 130.., then CMDID as a 2-byte write.
 * Raw wire bytes (9Fh, A0h.., 128–136) on purpose: an independent host checks the emulator against CMIS itself.
 */
final class CdbTestHost {
    final TestHost host;
    final VirtualClock clock;

    CdbTestHost(TestHost host, VirtualClock clock) {
        this.host = host;
        this.clock = clock;
    }

    /** Writes the command without waiting; {@code badCheck} corrupts the check code. */
    void send(int cmd, byte[] lpl, byte[] epl, boolean badCheck) {
        for (int k = 0; k < epl.length; k += 128) {
            host.select(0xA0 + k / 128, 0);
            int n = Math.min(128, epl.length - k);
            int[] chunk = new int[n];
            for (int i = 0; i < n; i++) chunk[i] = epl[k + i] & 0xFF;
            assertEquals(I2cResult.Status.ACK, host.write(128, chunk).status());
        }
        host.select(0x9F, 0);
        byte[] page = new byte[256];
        page[128] = (byte) (cmd >> 8);
        page[129] = (byte) cmd;
        page[130] = (byte) (epl.length >> 8);
        page[131] = (byte) epl.length;
        page[132] = (byte) lpl.length;
        System.arraycopy(lpl, 0, page, 136, lpl.length);
        page[133] = (byte) (CdbCommand.checkCode(page, lpl.length) ^ (badCheck ? 0x5A : 0));
        int[] header = new int[6 + lpl.length];
        for (int i = 0; i < header.length; i++) header[i] = page[130 + i] & 0xFF;
        assertEquals(I2cResult.Status.ACK, host.write(130, header).status());
        assertEquals(I2cResult.Status.ACK, host.write(128, cmd >> 8, cmd & 0xFF).status());
    }

    /** Sends and waits (virtual time) until the status is no longer busy; returns the status byte. */
    int run(int cmd, byte[] lpl, byte[] epl) {
        send(cmd, lpl, epl, false);
        return await();
    }

    int run(int cmd, byte... lpl) { return run(cmd, lpl, new byte[0]); }

    int await() {
        for (int i = 0; i < 5000; i++) {
            clock.advanceMillis(1);
            var r = host.readRaw(37, 1);
            if (!r.get(1).ok()) continue; // busy or resetting: keep polling, as the kernel does
            int s = r.get(1).data()[0] & 0xFF;
            if ((s & 0x80) == 0) return s;
        }
        fail("CDB still busy after 5 s");
        return -1;
    }

    /** Runs a command with local payload {@code lpl}, expects success and returns its reply of {@code replyLength} bytes. */
    byte[] runAndReply(int cmd, int replyLength, byte... lpl) {
        assertEquals(0x01, run(cmd, lpl), String.format("status of %04Xh", cmd));
        byte[] reply = reply();
        assertEquals(replyLength, reply.length, String.format("reply length of %04Xh", cmd));
        return reply;
    }

    /** The reply payload (RPLLength bytes from 136). */
    byte[] reply() {
        host.select(0x9F, 0);
        int len = host.readByte(134);
        return len == 0 ? new byte[0] : host.read(136, len);
    }

    int replyLength() {
        host.select(0x9F, 0);
        return host.readByte(134);
    }

    int replyCheck() {
        host.select(0x9F, 0);
        return host.readByte(135);
    }

    static byte[] u32(long v) { return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v}; }
}
