package org.openxpo.emulator.control;

import org.openxpo.emulator.scenario.StrictJson;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client over a plain socket, for what {@link Http} (the JDK client) will not send: any Host header, none
 * at all, a Content-Length without the body. It reads one answer and whether the server then closed the connection.
 */
final class RawHttp {
    record Reply(int status, Map<String, String> headers, String body, boolean closed) {
        JsonNode json() { return StrictJson.MAPPER.readTree(body); }
    }

    private RawHttp() {}

    /**
     * Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and {@code body}, reads the
     * answer and, if {@code waitForClose}, waits for the server to close the connection (closed = false if it did not
     * within 10 s).
     */
    static Reply send(int port, String head, String body, boolean waitForClose) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return exchange(s, head, body, waitForClose);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection that got an answer to {@code GET /api/health} and stays open (the caller closes it). */
    static Socket keptOpen(int port) {
        try {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            Reply r = exchange(s, "GET /api/health HTTP/1.1\r\nHost: localhost:" + port, "", false);
            if (r.status() != 200) throw new IllegalStateException("GET /api/health: " + r);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True once the server closed {@code s} (false if it did not within 10 s). */
    static boolean closedByServer(Socket s) {
        try {
            return s.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    /** Sends one request on {@code s} and reads its answer (as {@link #send}). */
    static Reply exchange(Socket s, String head, String body, boolean waitForClose) throws IOException {
        s.setSoTimeout(10_000);
        s.getOutputStream().write((head + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        InputStream in = s.getInputStream();
        String statusLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        byte[] content = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        boolean closed = waitForClose && closedByServer(s);
        return new Reply(Integer.parseInt(statusLine.split(" ")[1]), headers, new String(content, StandardCharsets.UTF_8), closed);
    }

    static Reply send(int port, String head, String body) { return send(port, head, body, false); }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) if (b != '\r') out.write(b);
        return out.toString(StandardCharsets.US_ASCII);
    }
}
