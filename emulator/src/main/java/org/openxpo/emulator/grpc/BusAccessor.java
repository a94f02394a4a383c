package org.openxpo.emulator.grpc;

import io.grpc.Status;
import org.openxpo.protocol.connector.I2cResult;

import java.util.List;

/**
 * Runs a {@link WindowAccess} on the cage's shared bus and turns what the bus answered into the bytes read or a gRPC
 * status: where a real bus NACKs, the caller gets an error naming what the module refused, never a silently short
 * answer (xcvr-emu truncates).
 */
final class BusAccessor {
    /** The access ran; {@code present} false: the cage was empty and {@code data} are zeros. */
    record Outcome(byte[] data, boolean present) {}

    private final SharedBus bus;

    BusAccessor(SharedBus bus) { this.bus = bus; }

    /**
     * Runs {@code access}. An empty cage answers a read with zeros when {@code zerosIfAbsent} (xcvr-emu's reply for a
     * module that is not present), else FAILED_PRECONDITION.
     */
    Outcome run(WindowAccess access, boolean zerosIfAbsent) {
        List<List<I2cResult>> results;
        try {
            results = bus.i2cBatch(access.cage(), access.transfers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("the server is shutting down").asRuntimeException();
        }
        for (List<I2cResult> transfer : results) {
            for (int m = 0; m < transfer.size(); m++) {
                I2cResult r = transfer.get(m);
                if (!r.ok()) return failed(access, r, zerosIfAbsent);
            }
        }
        if (access.selectsPage()) checkSelection(access, results.get(1).get(1).data());
        List<I2cResult> last = results.get(results.size() - 1);
        return new Outcome(access.isWrite() ? access.data() : last.get(last.size() - 1).data(), true);
    }

    private static Outcome failed(WindowAccess a, I2cResult r, boolean zerosIfAbsent) {
        String op = a.isWrite() ? "write" : "read";
        if (r.status() == I2cResult.Status.NO_MODULE && !a.isWrite() && zerosIfAbsent)
            return new Outcome(new byte[a.length()], false);
        throw switch (r.status()) {
            case NO_MODULE -> Status.FAILED_PRECONDITION.withDescription("cage " + a.cage() + " (index "
                    + Integer.toUnsignedLong(a.index()) + ") is empty: nothing answers a " + op + " on its bus"
                    + (a.isWrite() ? "" : ", not even with force") + "; plug the module in first (UpdateInfo present=true)")
                    .asRuntimeException();
            case ADDRESS_NACK -> Status.UNAVAILABLE.withDescription("the module in cage " + a.cage()
                + " did not acknowledge its address (it is resetting, in MgmtInit, powered down, finishing a write or "
                + "held by a foreground CDB command); retry the " + op + " later").asRuntimeException();
            case DATA_NACK -> Status.FAILED_PRECONDITION.withDescription("the module in cage " + a.cage()
                + " NACKed byte " + r.nackIndex() + " of a " + a.length() + "-byte write to " + a.where()
                + " at offset " + a.offset() + ", so it applied none of them: CMIS modules take 8 bytes per write "
                + "(the CDB pages 8 x (1 + ReadWriteLengthExt, 01h:164)); split the write")
                .asRuntimeException();
            case BUS_ERROR -> Status.UNAVAILABLE.withDescription("bus error on cage " + a.cage()
                + " (is a stuck-bus fault injected?); the " + op + " did not complete").asRuntimeException();
            case ACK, SKIPPED -> Status.INTERNAL.withDescription("unexpected bus result " + r.status())
                .asRuntimeException();
        };
    }

    /** The module reverts BankSelect/PageSelect it does not support: then the access went elsewhere, say so. */
    private static void checkSelection(WindowAccess a, byte[] selected) {
        int bank = selected[0] & 0xFF, page = selected[1] & 0xFF;
        if (page != a.page()) {
            throw Status.FAILED_PRECONDITION.withDescription(String.format("the module in cage %d does not support "
                + "page %02Xh: it reverted PageSelect to %02Xh (its advertisement lists the pages it has), so the %s "
                + "was not done on page %02Xh", a.cage(), a.page(), page, a.isWrite() ? "write" : "read", a.page()))
                .asRuntimeException();
        }
        if (bank != a.bank()) {
            throw Status.FAILED_PRECONDITION.withDescription(String.format("the module in cage %d has no bank %d of "
                + "page %02Xh: it reverted BankSelect to %d (01h:142 BanksSupported tells how many banks it has)",
                a.cage(), a.bank(), a.page(), bank)).asRuntimeException();
        }
    }
}
