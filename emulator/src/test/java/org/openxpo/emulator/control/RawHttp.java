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
            boolean closed = false;
            try {
                if (waitForClose) closed = in.read() < 0;
            } catch (java.net.SocketTimeoutException e) {
                closed = false;
            }
            return new Reply(Integer.parseInt(statusLine.split(" ")[1]), headers, new String(content, StandardCharsets.UTF_8), closed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply send(int port, String head, String body) { return send(port, head, body, false); }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) if (b != '\r') out.write(b);
        return out.toString(StandardCharsets.US_ASCII);
    }
}
