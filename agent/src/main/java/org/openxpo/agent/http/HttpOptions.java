package org.openxpo.agent.http;

import io.netty.handler.ssl.SslContext;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Where and how the agent's HTTP face listens.
 *
 * @param token      the bearer token control requests must carry; null turns the controls off (reads stay open)
 * @param tls        null for plain HTTP, which only a loopback address may use
 * @param hostNames  extra names clients may use in {@code Host} / {@code Origin} (besides the address, and localhost
 *                   on loopback)
 * @param maxBodyBytes the largest request body (a firmware image is the largest)
 */
public record HttpOptions(InetSocketAddress bind, String token, SslContext tls, List<String> hostNames,
                          int maxConnections, Duration idleTimeout, int maxBodyBytes) {
    public static final int DEFAULT_PORT = 9464;
    public static final int MAX_CONNECTIONS = 256;
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final int MAX_BODY_BYTES = 16 << 20;

    public HttpOptions {
        hostNames = List.copyOf(hostNames);
        if (token != null && token.isBlank()) throw new IllegalArgumentException("the bearer token must not be blank");
        if (!bind.getAddress().isLoopbackAddress() && (tls == null || token == null))
            throw new IllegalArgumentException("the agent would listen on " + bind.getAddress().getHostAddress()
                + ", which is not loopback: that needs TLS (a certificate and key file) and a token file");
    }

    /** Plain HTTP on loopback at {@code port} (0: any free port), controls behind {@code token} (null: off). */
    public static HttpOptions loopback(int port, String token) {
        return new HttpOptions(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), token, null,
            List.of(), MAX_CONNECTIONS, IDLE_TIMEOUT, MAX_BODY_BYTES);
    }
}
