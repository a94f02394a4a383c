package org.openxpo.protocol.target;

import java.util.List;
import java.util.function.Consumer;

/**
 * What one cage's control connector offers a host: I2C transfers, I3C transfers and CCCs, sideband pins, and events.
 * The emulator implements it; the driver's in-process transport, the link server and the emulator-backed Pi4J
 * providers all speak it. A transfer is atomic: no other host's transfer interleaves with it.
 */
public interface ControlConnector {

    /** Executes the messages in order joined by repeated starts; one result per message. Never throws for bus conditions. */
    List<I2cResult> i2c(List<I2cMessage> messages);

    /** I3C SDR private transfer; message addresses are dynamic addresses. */
    List<I2cResult> i3c(List<I2cMessage> messages);

    /** An I3C CCC (broadcast or direct). */
    CccResult ccc(CccRequest request);

    /** ENTDAA: assigns dynamic addresses from {@code firstAddress} upwards to every target without one. */
    List<I3cDevice> entdaa(int firstAddress);

    /** Drives a host pin; rejects module-driven pins with {@link IllegalArgumentException}. */
    void writePin(Pin pin, boolean high);

    /** The current level of any pin. */
    boolean readPin(Pin pin);

    /** Subscribes to this cage's events; closing the handle unsubscribes. Listeners must not block. */
    AutoCloseable subscribe(Consumer<TargetEvent> listener);
}
