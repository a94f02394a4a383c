package org.openxpo.emulator.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.grpc.proto.CreateRequest;
import org.openxpo.emulator.grpc.proto.CreateResponse;
import org.openxpo.emulator.grpc.proto.DeleteRequest;
import org.openxpo.emulator.grpc.proto.DeleteResponse;
import org.openxpo.emulator.grpc.proto.GetInfoRequest;
import org.openxpo.emulator.grpc.proto.GetInfoResponse;
import org.openxpo.emulator.grpc.proto.ListRequest;
import org.openxpo.emulator.grpc.proto.ListResponse;
import org.openxpo.emulator.grpc.proto.MonitorRequest;
import org.openxpo.emulator.grpc.proto.MonitorResponse;
import org.openxpo.emulator.grpc.proto.ReadRequest;
import org.openxpo.emulator.grpc.proto.ReadResponse;
import org.openxpo.emulator.grpc.proto.SfpEmulatorServiceGrpc;
import org.openxpo.emulator.grpc.proto.UpdateInfoRequest;
import org.openxpo.emulator.grpc.proto.UpdateInfoResponse;
import org.openxpo.emulator.grpc.proto.WriteRequest;
import org.openxpo.emulator.grpc.proto.WriteResponse;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.emulator.scenario.Presence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * xcvr-emu's {@code emulator.SfpEmulatorService} over an emulated chassis: a thin adapter. Read and Write run on the
 * cage's shared bus ({@link BusAccessor}); Create, Delete and UpdateInfo are the bench engineer's plug and unplug
 * ({@link Presence}, shared with the control API); GetInfo and List read the modules without side effects.
 */
final class SfpEmulatorService extends SfpEmulatorServiceGrpc.SfpEmulatorServiceImplBase {
    private static final Logger LOG = LoggerFactory.getLogger(SfpEmulatorService.class);
    /** Module types Create accepts (case-insensitive): this server emulates XPO modules only; "" is xcvr-emu's default. */
    static final Set<String> TYPES = Set.of("", "xpo");

    private final EmulatedChassis chassis;
    private final IndexMap indexes;
    private final BusAccessor bus;
    private final AccessMonitor monitor;

    SfpEmulatorService(EmulatedChassis chassis, IndexMap indexes, SharedBus bus, AccessMonitor monitor) {
        this.chassis = chassis;
        this.indexes = indexes;
        this.bus = new BusAccessor(bus);
        this.monitor = monitor;
    }

    @Override
    public void create(CreateRequest r, StreamObserver<CreateResponse> out) {
        answer(out, () -> {
            int cage = indexes.cage(r.getIndex());
            if (!TYPES.contains(r.getType().toLowerCase(Locale.ROOT))) {
                throw WindowAccess.invalid("module type '" + r.getType() + "' is not emulated here: this server "
                    + "emulates XPO modules; give type \"xpo\" or leave it empty");
            }
            if (!Presence.create(chassis, cage)) {
                throw Status.ALREADY_EXISTS.withDescription("index " + index(r.getIndex()) + " (cage " + cage + ") "
                    + (chassis.cage(cage).present() ? "holds a plugged module" : "already has a module, unplugged")
                    + "; Delete it first to start over").asRuntimeException();
            }
            return CreateResponse.getDefaultInstance();
        });
    }

    @Override
    public void delete(DeleteRequest r, StreamObserver<DeleteResponse> out) {
        answer(out, () -> {
            int cage = indexes.cage(r.getIndex());
            if (!Presence.delete(chassis, cage)) throw noModule(r.getIndex(), cage);
            return DeleteResponse.getDefaultInstance();
        });
    }

    @Override
    public void read(ReadRequest r, StreamObserver<ReadResponse> out) {
        answer(out, () -> {
            WindowAccess access = WindowAccess.read(r, moduleCage(r.getIndex()));
            BusAccessor.Outcome done = bus.run(access, !r.getForce());
            // the bytes are this call's own (a fresh buffer from the bus): wrapped, not copied, and shared with Monitor
            ByteString data = UnsafeByteOperations.unsafeWrap(done.data());
            published(access, done, data);
            return ReadResponse.newBuilder().setData(data).build();
        });
    }

    @Override
    public void write(WriteRequest w, StreamObserver<WriteResponse> out) {
        answer(out, () -> {
            WindowAccess access = WindowAccess.write(w, moduleCage(w.getIndex()));
            published(access, bus.run(access, false), w.getData());
            return WriteResponse.getDefaultInstance();
        });
    }

    @Override
    public void getInfo(GetInfoRequest r, StreamObserver<GetInfoResponse> out) {
        answer(out, () -> {
            int cage = moduleCage(r.getIndex());
            return ModuleInfo.of(r.getIndex(), chassis.cage(cage), Presence.module(chassis, cage));
        });
    }

    @Override
    public void updateInfo(UpdateInfoRequest r, StreamObserver<UpdateInfoResponse> out) {
        answer(out, () -> {
            int cage = moduleCage(r.getIndex());
            // plugging a plugged module, or pulling a pulled one, changes nothing (xcvr-emu sets the flag alike)
            if (r.getPresent()) Presence.plug(chassis, cage);
            else Presence.unplug(chassis, cage);
            return UpdateInfoResponse.getDefaultInstance();
        });
    }

    @Override
    public void list(ListRequest r, StreamObserver<ListResponse> out) {
        answer(out, () -> {
            ListResponse.Builder list = ListResponse.newBuilder();
            for (int cage = 1; cage <= chassis.size(); cage++) {
                XpoModule m = Presence.module(chassis, cage);
                if (m != null) list.addInfos(ModuleInfo.of(indexes.index(cage), chassis.cage(cage), m));
            }
            return list.build();
        });
    }

    @Override
    public void monitor(MonitorRequest r, StreamObserver<MonitorResponse> out) {
        try {
            int cage = r.getIndex() == 0 ? 0 : indexes.cage(r.getIndex());
            monitor.open((ServerCallStreamObserver<MonitorResponse>) out, cage);
        } catch (StatusRuntimeException e) {
            out.onError(e);
        }
    }

    /** The cage of {@code index}, which must have a module (plugged or not): NOT_FOUND otherwise. */
    private int moduleCage(int index) {
        int cage = indexes.cage(index);
        if (Presence.module(chassis, cage) == null) throw noModule(index, cage);
        return cage;
    }

    private static StatusRuntimeException noModule(int index, int cage) {
        return Status.NOT_FOUND.withDescription("index " + index(index) + " (cage " + cage + ") has no module: "
            + "Create it first").asRuntimeException();
    }

    private static long index(int wire) { return Integer.toUnsignedLong(wire); }

    /** Tells the Monitor streams watching the cage; costs one look at the (usually empty) stream list otherwise. */
    private void published(WindowAccess a, BusAccessor.Outcome done, ByteString data) {
        if (!monitor.watched(a.cage())) return;
        monitor.publish(a.cage(), MonitorResponse.newBuilder().setIndex(indexes.index(a.cage())).setBank(a.bank())
            .setPage(a.page()).setOffset(a.offset()).setData(data).setLength(a.length())
            .setPresent(done.present()).setWrite(a.isWrite()).build());
    }

    /** Answers a unary call: the reply, or the status the work threw (an unexpected failure is INTERNAL, logged). */
    private static <T> void answer(StreamObserver<T> out, Supplier<T> work) {
        T reply;
        try {
            reply = work.get();
        } catch (StatusRuntimeException e) {
            out.onError(e);
            return;
        } catch (RuntimeException e) {
            LOG.warn("gRPC call failed", e);
            out.onError(Status.INTERNAL.withDescription(e.toString()).asRuntimeException());
            return;
        }
        out.onNext(reply);
        out.onCompleted();
    }
}
