package org.openxpo.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A thread dying of OutOfMemoryError ends the process with one line and code 3; other deaths do not. */
class OutOfMemoryExitTest {
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final List<Integer> halted = new ArrayList<>();
    final OutOfMemoryExit handler = new OutOfMemoryExit(new PrintStream(err, true, StandardCharsets.UTF_8), halted::add);

    @Test
    void outOfMemoryHaltsWithCode3AndOneLine() {
        handler.uncaughtException(new Thread("xpo-firmware"), new OutOfMemoryError("Java heap space"));
        assertEquals(List.of(EmulatorMain.OUT_OF_MEMORY), halted);
        assertEquals(3, EmulatorMain.OUT_OF_MEMORY);
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("xpo-emulator: out of memory in thread 'xpo-firmware' (Java heap space); exiting with "
            + "code 3"), text);
    }

    @Test
    void anotherUncaughtExceptionIsPrintedAndTheProcessGoesOn() {
        handler.uncaughtException(new Thread("worker"), new IllegalStateException("boom"));
        assertEquals(List.of(), halted);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Exception in thread \"worker\" java.lang.IllegalStateException: boom"));
    }
}
