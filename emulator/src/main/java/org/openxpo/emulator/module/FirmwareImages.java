package org.openxpo.emulator.module;

import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.LowerPage;

/**
 * The module's two firmware banks (A/B): versions, which one runs, which one is committed (boots by default), and
 * whether each holds a valid image. Published to 00h:39–40 (running) and 01h:128–129 (inactive).
 */
public final class FirmwareImages {
    /** One bank's image. */
    public record Image(int major, int minor, int build, boolean valid) {
        public static final Image EMPTY = new Image(0, 0, 0, false);

        public String version() { return major + "." + minor; }
    }

    private final Image[] banks = new Image[2];
    private int running;
    private int committed;

    public FirmwareImages(int major, int minor) {
        banks[0] = new Image(major, minor, 1, true);
        banks[1] = new Image(major, minor, 1, true);
    }

    public synchronized Image image(int bank) { return banks[bank]; }

    public synchronized int running() { return running; }

    public synchronized int committed() { return committed; }

    public synchronized Image runningImage() { return banks[running]; }

    public synchronized Image inactiveImage() { return banks[1 - running]; }

    /** Replaces the inactive bank's content (a download in progress makes it invalid first). */
    public synchronized void storeInactive(Image image) { banks[1 - running] = image; }

    /** Boots from the committed bank if valid, else from the other one (never without an image). */
    public synchronized void bootCommitted() {
        running = banks[committed].valid() ? committed : 1 - committed;
    }

    /** Runs the inactive image (CDB Run). Returns false if it is not valid. */
    public synchronized boolean switchToInactive() {
        if (!banks[1 - running].valid()) return false;
        running = 1 - running;
        return true;
    }

    public synchronized void commitRunning() { committed = running; }

    void publishVersions(ModuleMemory mem) {
        Image run = runningImage();
        Image other = inactiveImage();
        mem.set(LowerPage.ACTIVE_FIRMWARE_MAJOR, run.valid() ? run.major() : 0xFF);
        mem.set(LowerPage.ACTIVE_FIRMWARE_MINOR, run.valid() ? run.minor() : 0xFF);
        mem.set(AdminPages.INACTIVE_FIRMWARE_MAJOR, other.valid() ? other.major() : 0xFF);
        mem.set(AdminPages.INACTIVE_FIRMWARE_MINOR, other.valid() ? other.minor() : 0xFF);
    }
}
