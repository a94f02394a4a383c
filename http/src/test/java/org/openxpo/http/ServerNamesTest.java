package org.openxpo.http;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Host/Origin names a connection's local address answers for; no name is ever looked up in DNS. */
class ServerNamesTest {
    static InetSocketAddress at(String literal, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(literal), port);
    }

    @Test
    void offLoopbackOnlyTheAddressAndTheConfiguredNamesAnswer() throws Exception {
        ServerNames names = new ServerNames(List.of("Bench-7.lab.example"));
        InetSocketAddress local = at("10.0.0.5", 9451);
        assertTrue(names.accepts("10.0.0.5:9451", local));
        assertTrue(names.accepts("bench-7.lab.example:9451", local));
        assertFalse(names.accepts("localhost:9451", local), "localhost is another machine's name for itself");
        assertFalse(names.accepts("127.0.0.1:9451", local));
        assertFalse(names.accepts("10.0.0.6:9451", local));
        assertFalse(names.accepts("10.0.0.5:9450", local));
        assertFalse(names.accepts("10.0.0.5", local), "no port means port 80");
        assertFalse(names.accepts("10.0.0.5:x", local));
        assertEquals("10.0.0.5:9451 or bench-7.lab.example:9451", names.describe(local));
    }

    @Test
    void onLoopbackEveryLoopbackNameAnswers() throws Exception {
        ServerNames names = new ServerNames(List.of());
        for (InetSocketAddress local : List.of(at("127.0.0.1", 80), at("::1", 80))) {
            for (String host : List.of("localhost", "localhost:80", "127.0.0.1", "[::1]:80", "127.1.2.3:80")) {
                assertTrue(names.accepts(host, local), host + " on " + local);
            }
            for (String host : List.of("evil.example", "[evil.example]", "999.0.0.1", "[::2]", "0.0.0.0", "localhost.evil.example")) {
                assertFalse(names.accepts(host, local), host + " on " + local);
            }
        }
    }

    @Test
    void aConfiguredNameIsAPlainHostName() {
        for (String bad : List.of("", "http://bench", "bench:9451", "bench/x", "-bench", "a b")) {
            assertThrows(IllegalArgumentException.class, () -> new ServerNames(List.of(bad)), bad);
        }
        assertEquals("'bench:9451' is not a host name (letters, digits, '-' and '.')",
            assertThrows(IllegalArgumentException.class, () -> ServerNames.check("bench:9451")).getMessage());
    }
}
