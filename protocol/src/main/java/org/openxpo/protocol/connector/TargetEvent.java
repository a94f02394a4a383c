package org.openxpo.protocol.connector;

/** Something a module does on its own that a host can observe: pushed to subscribers. */
public sealed interface TargetEvent {
    /** Cage number (1-based) of the module. */
    int cage();

    /** When it happened, in the target's clock (ns). */
    long timestampNanos();

    /** IntL changed level ({@code asserted} = pin low). */
    record IntL(int cage, long timestampNanos, boolean asserted) implements TargetEvent {}

    /** An I3C in-band interrupt from {@code address}; {@code payload[0]} is the mandatory data byte. */
    record Ibi(int cage, long timestampNanos, int address, byte[] payload) implements TargetEvent {
        @Override
        public boolean equals(Object o) {
            return o instanceof Ibi i && i.cage == cage && i.timestampNanos == timestampNanos && i.address == address
                && java.util.Arrays.equals(i.payload, payload);
        }

        @Override
        public int hashCode() { return (cage * 31 + address) * 31 + java.util.Arrays.hashCode(payload); }
    }

    /** A module was plugged in or removed (ModPrsL). */
    record Presence(int cage, long timestampNanos, boolean present) implements TargetEvent {}

    /** The module reset itself or was reset ({@code cause}: pin, software, power, firmware, ...). */
    record Reset(int cage, long timestampNanos, String cause) implements TargetEvent {}

    /**
     * A sideband pin changed level: PowerGood, driven by the module; on a transport that cannot hear the module reset
     * (Pi4J GPIO) also a host-driven pin (ResetL, LPMode, PowerEnable) the transport itself switched.
     */
    record PinLevel(int cage, long timestampNanos, Pin pin, boolean high) implements TargetEvent {}
}
