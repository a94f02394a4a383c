package org.openxpo.launcher;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class JavaVersionGateTest {
    static final List<String> received = new ArrayList<>();

    /** A stand-in for the real main class. */
    public static final class FakeMain {
        public static void main(String[] args) { received.addAll(List.of(args)); }
    }

    /** A main class that fails. */
    public static final class FailingMain {
        public static void main(String[] args) { throw new IllegalArgumentException("bad flag"); }
    }

    @Test
    void javaSeventeenGetsOneLineNamingTheJavaToInstall() {
        String line = JavaVersionGate.problem("17", "/usr/lib/jvm/java-17-openjdk-amd64", "xpoctl");
        assertNotNull(line);
        assertFalse(line.contains("\n"), line);
        assertTrue(line.startsWith("xpoctl needs Java 21 or newer, but this is Java 17 "), line);
        assertTrue(line.contains("/usr/lib/jvm/java-17-openjdk-amd64"), line);
        assertTrue(line.contains("apt install openjdk-21-jre-headless"), line);
    }

    @Test
    void javaEightIsReadFromItsOldVersionScheme() {
        assertEquals(8, JavaVersionGate.major("1.8"));
        assertTrue(JavaVersionGate.problem("1.8", "/opt/jre8", "xpo-emulator").contains("this is Java 8 "));
    }

    @Test
    void twentyOneAndNewerPass() {
        assertNull(JavaVersionGate.problem("21", "/jdk21", "xpoctl"));
        assertNull(JavaVersionGate.problem("25", "/jdk25", "xpoctl"));
        assertNull(JavaVersionGate.problem("" + Runtime.version().feature(), "/this", "xpoctl"));
    }

    @Test
    void anUnreadableVersionIsLetThrough() {
        assertNull(JavaVersionGate.problem(null, "/x", "xpoctl"));
        assertNull(JavaVersionGate.problem("banana", "/x", "xpoctl"));
    }

    @Test
    void handsTheArgumentsToTheStartClass() throws Throwable {
        received.clear();
        JavaVersionGate.start(FakeMain.class.getName(), new String[] {"--target", "embedded", "show"});
        assertEquals(List.of("--target", "embedded", "show"), received);
    }

    @Test
    void whatTheStartClassThrowsComesOutUnwrapped() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> JavaVersionGate.start(FailingMain.class.getName(), new String[0]));
        assertEquals("bad flag", e.getMessage());
    }

    @Test
    void theGateItselfLoadsOnJavaEight() throws IOException {
        try (InputStream in = JavaVersionGate.class.getResourceAsStream("JavaVersionGate.class")) {
            DataInputStream data = new DataInputStream(in);
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort();
            assertEquals(52, data.readUnsignedShort(), "class file major version 52 is Java 8");
        }
    }
}
