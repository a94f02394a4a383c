package org.openxpo.emulator.cli;

import org.openxpo.emulator.grpc.GrpcServer;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/** The gRPC face's flags, checked: --grpc-port, --grpc-index-base, --grpc-tls-cert, --grpc-tls-key. */
record GrpcSettings(int port, long indexBase, Path tlsCert, Path tlsKey) {
    static final long MAX_INDEX_BASE = GrpcServer.MAX_INDEX_BASE;

    /** The server's options on {@code address}, with the control API's {@code token} (null: none). */
    GrpcServer.Options options(InetSocketAddress address, String token, boolean busTimed) {
        return new GrpcServer.Options(address, indexBase, token, tlsCert, tlsKey, busTimed);
    }
}
