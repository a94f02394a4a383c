package org.openxpo.agent.gnmi;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets a call through only with the agent's token in the {@code authorization} metadata ({@code Bearer <token>}, the
 * form gnmic's --token sends). The comparison takes the same time whatever the guess; the answer never echoes it.
 */
final class TokenInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final byte[] expected;

    TokenInterceptor(String token) { this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8); }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String given = headers.get(AUTHORIZATION);
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            call.close(Status.UNAUTHENTICATED.withDescription(given == null
                ? "the agent needs 'authorization: Bearer <token>' metadata" : "the token is not the agent's"), new Metadata());
            return new ServerCall.Listener<>() {};
        }
        return next.startCall(call, headers);
    }
}
