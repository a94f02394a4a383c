package org.openxpo.agent.gnmi;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the gNMI face listens and paces streams.
 *
 * @param bind                  the address and port (port 0 picks a free one); loopback by default
 * @param certificate           PEM certificate chain for TLS, with {@code privateKey}; null for plaintext
 * @param privateKey            PEM private key; null for plaintext
 * @param token                 the secret a client sends as {@code authorization: Bearer <token>} metadata; null for none
 * @param minInterval           the shortest sample or heartbeat interval a subscription may ask for
 * @param defaultSampleInterval what SAMPLE with sample_interval 0 ("the target's fastest") gets: how often modules
 *                              are read, since values cannot change faster
 * @param maxQueuedResponses    responses one Subscribe stream may have waiting before its client is dropped as too slow
 */
public record GnmiOptions(InetSocketAddress bind, Path certificate, Path privateKey, String token, Duration minInterval,
                          Duration defaultSampleInterval, int maxQueuedResponses) {

    public GnmiOptions {
        if ((certificate == null) != (privateKey == null))
            throw new IllegalArgumentException("TLS needs both a certificate file and a private key file");
        if (token != null && token.isBlank()) throw new IllegalArgumentException("the gNMI token file is empty");
        if (!bind.getAddress().isLoopbackAddress() && (certificate == null || token == null))
            throw new IllegalArgumentException("gNMI on " + bind.getAddress().getHostAddress()
                + " (not loopback) needs TLS (certificate and key files) and a token");
        if (maxQueuedResponses < 1) throw new IllegalArgumentException("at least one response must be allowed to wait");
    }

    /** Plaintext on loopback {@code port}, no token, 100 ms shortest interval, 1,024 responses per stream. */
    public static GnmiOptions loopback(int port, Duration sampleDefault) {
        return new GnmiOptions(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), null, null, null,
            Duration.ofMillis(100), sampleDefault, 1024);
    }

    public GnmiOptions withToken(String t) {
        return new GnmiOptions(bind, certificate, privateKey, t, minInterval, defaultSampleInterval, maxQueuedResponses);
    }

    public GnmiOptions withMaxQueuedResponses(int n) {
        return new GnmiOptions(bind, certificate, privateKey, token, minInterval, defaultSampleInterval, n);
    }

    public boolean tls() { return certificate != null; }

    @Override
    public String toString() { // never the token
        return "GnmiOptions[bind=" + bind + ", tls=" + tls() + ", token=" + (token != null) + "]";
    }
}
