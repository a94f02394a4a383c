package org.openxpo.emulator.module;

import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.ManagementInterface;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The management interface as the bus sees it: a transfer of messages joined by repeated starts, and each message
 * with the CMIS memory semantics (the address pointer, sequential reads and writes, the write limits, NACKs while the
 * module does not answer or is busy writing), counted in the bus statistics. What a host write means to the firmware
 * is the {@link ModuleMemory.WriteListener}'s business. Runs under the module's lock ({@link FirmwareContext}).
 */
final class HostBus {
    private final FirmwareContext firmware;
    private final ModuleMemory memory;
    private final FirmwareContext.ModuleStatus status;
    private final BooleanSupplier heldByCdb;
    private final FirmwareContext.FlagWatch flags;
    private final ModuleMemory.WriteListener reactions;
    private final BusStatistics stats = new BusStatistics();
    private int addressPointer;
    private long writeBusyUntil = Long.MIN_VALUE;

    /**
     * @param heldByCdb true while a foreground CDB command holds the bus off
     * @param reactions the firmware's reactions to host writes
     */
    HostBus(FirmwareContext firmware, FirmwareContext.ModuleStatus status, BooleanSupplier heldByCdb,
            FirmwareContext.FlagWatch flags, ModuleMemory.WriteListener reactions) {
        this.firmware = firmware;
        this.memory = firmware.memory();
        this.status = status;
        this.heldByCdb = heldByCdb;
        this.flags = flags;
        this.reactions = reactions;
    }

    /** After a reset: the address pointer is back at 0. */
    void reset() { addressPointer = 0; }

    BusStatistics statistics() { return stats.copy(); }

    /**
     * Runs a transfer (I2C or I3C private): {@code message} executes each message until one fails, the rest are
     * SKIPPED (the host ends the transfer with a STOP there).
     */
    List<I2cResult> transfer(List<I2cMessage> messages, Function<I2cMessage, I2cResult> message) {
        stats.transfers++;
        List<I2cResult> out = new ArrayList<>(messages.size());
        boolean failed = false;
        for (I2cMessage msg : messages) {
            if (failed) {
                out.add(I2cResult.of(I2cResult.Status.SKIPPED));
                continue;
            }
            I2cResult r = message.apply(msg);
            stats.count(msg, r);
            out.add(r);
            failed = !r.ok();
        }
        return out;
    }

    /** One message addressed to {@code ownAddress} (the management address for I2C, the dynamic one for I3C). */
    I2cResult execute(I2cMessage msg, int ownAddress) {
        if (firmware.faults().busStuck()) return I2cResult.of(I2cResult.Status.BUS_ERROR);
        if (msg.address() != ownAddress || !status.responsive() || firmware.now() < writeBusyUntil
            || heldByCdb.getAsBoolean()) {
            return I2cResult.of(I2cResult.Status.ADDRESS_NACK);
        }
        return msg.read() ? read(msg.length()) : write(msg.data());
    }

    private I2cResult read(int len) {
        byte[] data = new byte[len];
        if (memory.hostRead(addressPointer, data, 0, len)) flags.flagsChanged();
        addressPointer = ModuleMemory.advance(addressPointer, len);
        return I2cResult.ack(data);
    }

    private I2cResult write(byte[] data) {
        if (data.length == 0) return I2cResult.ack();
        int address = data[0] & 0xFF;
        int limit = writeLimit(address);
        if (data.length - 1 > limit) return I2cResult.dataNack(limit + 1);
        addressPointer = address;
        if (data.length > 1) {
            int selectedBefore = memory.selectedPage();
            memory.hostWrite(address, data, 1, data.length - 1, reactions);
            int last = address + data.length - 2;
            if (memory.selectedPage() != selectedBefore
                || (address <= ManagementInterface.PAGE_SELECT && last >= ManagementInterface.PAGE_SELECT)) {
                stats.pageSelects++;
            }
            addressPointer = ModuleMemory.advance(address, data.length - 1);
            var busy = firmware.config().timing().writeBusy();
            if (!busy.isZero()) writeBusyUntil = firmware.now() + busy.toNanos();
        }
        return I2cResult.ack();
    }

    /** The write limit for a write starting at {@code address} with the current page selected (CDB pages: 01h:164). */
    private int writeLimit(int address) {
        int ext = (int) memory.get(AdminPages.CDB_READ_WRITE_LENGTH_EXT);
        return ManagementInterface.writeLimit(memory.selectedPage(), address, ext);
    }
}
