package org.openxpo.emulator.grpc;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import org.openxpo.emulator.grpc.proto.ReadRequest;
import org.openxpo.emulator.grpc.proto.WriteRequest;
import org.openxpo.protocol.connector.I2cMessage;

import java.util.List;

import static org.openxpo.protocol.map.ManagementInterface.BANK_SELECT;
import static org.openxpo.protocol.map.ManagementInterface.I2C_ADDRESS;
import static org.openxpo.protocol.map.ManagementInterface.UPPER_PAGE_START;
import static org.openxpo.protocol.map.ManagementInterface.WINDOW_SIZE;

/**
 * One Read or Write of the xcvr-emu service, checked, as the bus transfers a host makes for it. CMIS byte addressing:
 * {@code offset} 0–127 is the lower page, 128–255 the upper page {@code page} of bank {@code bank}; an access that
 * reaches the upper page selects bank and page first (BankSelect and PageSelect in one write, as our driver does),
 * reads the selection back (a module reverts a page or bank it does not support), then accesses the window. A page
 * above 255 with bank 0 is bank = page / 256, page = page % 256: the optoe-style numbering of a bank-unaware client.
 *
 * @param data the bytes to write; null for a read
 */
record WindowAccess(int index, int cage, int bank, int page, int offset, int length, byte[] data) {
    /** Values of one select register: BankSelect and PageSelect are bytes. */
    private static final int BYTE_VALUES = 1 << Byte.SIZE;

    static WindowAccess read(ReadRequest r, int cage) {
        long offset = Integer.toUnsignedLong(r.getOffset()), length = Integer.toUnsignedLong(r.getLength());
        checkWindow("read", offset, length);
        int[] bankPage = bankAndPage(r.getBank(), r.getPage());
        return new WindowAccess(r.getIndex(), cage, bankPage[0], bankPage[1], (int) offset, (int) length, null);
    }

    static WindowAccess write(WriteRequest w, int cage) {
        long offset = Integer.toUnsignedLong(w.getOffset()), length = Integer.toUnsignedLong(w.getLength());
        ByteString data = w.getData();
        if (length != 0 && length != data.size()) {
            throw invalid("write length " + length + " does not match the " + data.size() + " data bytes sent "
                + "(give length 0 or the data's size)");
        }
        checkWindow("write", offset, data.size());
        int[] bankPage = bankAndPage(w.getBank(), w.getPage());
        return new WindowAccess(w.getIndex(), cage, bankPage[0], bankPage[1], (int) offset, data.size(),
            data.toByteArray());
    }

    boolean isWrite() { return data != null; }

    /** True when the access reaches the upper page, so bank and page are selected first. */
    boolean selectsPage() { return offset + length > UPPER_PAGE_START; }

    /** The transfers of the access, run as one batch with the bus held: [select, read back,] access. */
    List<List<I2cMessage>> transfers() {
        List<I2cMessage> access = isWrite() ? List.of(I2cMessage.write(I2C_ADDRESS, prefixed(offset, data)))
            : List.of(I2cMessage.write(I2C_ADDRESS, (byte) offset), I2cMessage.read(I2C_ADDRESS, length));
        if (!selectsPage()) return List.of(access);
        return List.of(
            List.of(I2cMessage.write(I2C_ADDRESS, (byte) BANK_SELECT, (byte) bank, (byte) page)),
            List.of(I2cMessage.write(I2C_ADDRESS, (byte) BANK_SELECT), I2cMessage.read(I2C_ADDRESS, 2)),
            access);
    }

    /** "page 11h bank 2" or "the lower page", for messages. */
    String where() {
        return selectsPage() ? String.format("page %02Xh bank %d", page, bank) : "the lower page";
    }

    private static byte[] prefixed(int offset, byte[] data) {
        byte[] out = new byte[data.length + 1];
        out[0] = (byte) offset;
        System.arraycopy(data, 0, out, 1, data.length);
        return out;
    }

    private static void checkWindow(String what, long offset, long length) {
        if (offset >= WINDOW_SIZE) {
            throw invalid(what + " offset " + offset + " is outside the " + WINDOW_SIZE + "-byte window (0-"
                + (UPPER_PAGE_START - 1) + " the lower page, " + UPPER_PAGE_START + "-" + (WINDOW_SIZE - 1)
                + " the selected upper page)");
        }
        if (length == 0) throw invalid(what + " of 0 bytes: give a length of 1-" + (WINDOW_SIZE - offset));
        if (offset + length > WINDOW_SIZE) {
            throw invalid(what + " of " + length + " bytes at offset " + offset + " runs past the end of the upper page "
                + "(byte " + (WINDOW_SIZE - 1) + "): at most " + (WINDOW_SIZE - offset) + " bytes fit; split it and "
                + "select the next page for the rest");
        }
    }

    /** {bank, page}, with a page above 255 read as bank·256 + page when no bank is given. */
    private static int[] bankAndPage(int bankField, int pageField) {
        long bank = Integer.toUnsignedLong(bankField), page = Integer.toUnsignedLong(pageField);
        if (page >= BYTE_VALUES) {
            if (bank != 0) {
                throw invalid("page " + page + " with bank " + bank + ": give the bank either in bank or as page / "
                    + BYTE_VALUES + " (bank-unaware numbering), not both");
            }
            bank = page / BYTE_VALUES;
            page = page % BYTE_VALUES;
        }
        if (bank >= BYTE_VALUES) {
            throw invalid("bank " + bank + " does not fit BankSelect (0-" + (BYTE_VALUES - 1) + ")"
                + (Integer.toUnsignedLong(pageField) >= BYTE_VALUES ? ", from page " + pageField + " / " + BYTE_VALUES : ""));
        }
        return new int[] {(int) bank, (int) page};
    }

    static RuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }
}
