package org.openxpo.emulator.junit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** After a test, the extension has closed the link server: its port refuses connections. */
@EmulatedXpo(link = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatedXpoLinkClosedTest {
    static int port;

    @Test
    @Order(1)
    void remembersThePort(XpoTestbed xpo) { port = xpo.link().port(); }

    @Test
    @Order(2)
    void thePreviousLinkServerIsClosed() {
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            } catch (ConnectException e) {
                throw e;
            } catch (IOException e) {
                throw new ConnectException(e.getMessage());
            }
        });
    }
}
