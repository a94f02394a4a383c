package org.openxpo.emulator.module;

/**
 * What a module tells the cage it sits in. Called under the module's lock (see {@link FirmwareContext}): an
 * implementation must not block, and may read pins and state but not write pins or plug.
 */
public interface ModuleEvents {
    void interrupt(boolean asserted);

    void reset(String cause);

    void powerGood(boolean good);

    void ibi(int address, byte[] payload);

    /** Nobody listens (a module outside a cage). */
    ModuleEvents NONE = new ModuleEvents() {
        public void interrupt(boolean asserted) { }
        public void reset(String cause) { }
        public void powerGood(boolean good) { }
        public void ibi(int address, byte[] payload) { }
    };
}
