package org.openxpo.emulator.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets a call in only with the metadata {@code authorization: Bearer <token>} (the control API's token; the scheme's
 * case does not matter, as in HTTP); any other
 * call ends UNAUTHENTICATED before its request is read. The token is compared in constant time and never logged.
 */
final class BearerTokenInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String SCHEME = "Bearer ";

    private final byte[] expected;

    BearerTokenInterceptor(String token) {
        if (token == null || token.isBlank()) throw new IllegalArgumentException("the bearer token must not be blank");
        this.expected = token.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                       ServerCallHandler<Q, A> next) {
        String given = headers.get(AUTHORIZATION);
        boolean ok = given != null && given.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
            && MessageDigest.isEqual(expected, given.substring(SCHEME.length()).getBytes(StandardCharsets.US_ASCII));
        if (ok) return next.startCall(call, headers);
        call.close(Status.UNAUTHENTICATED.withDescription(given == null
            ? "this server needs a bearer token: send the metadata 'authorization: Bearer <token>'"
            : "the bearer token is wrong"), new Metadata());
        return new ServerCall.Listener<>() {};
    }
}
