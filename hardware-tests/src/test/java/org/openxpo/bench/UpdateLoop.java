package org.openxpo.bench;

import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.firmware.FirmwareInfo;
import org.openxpo.driver.firmware.FirmwareUpdater;
import org.openxpo.driver.firmware.FirmwareUpdater.UpdateOptions;
import org.openxpo.driver.transport.LinkTransport;
import org.openxpo.emulator.Cage;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.module.FirmwareImages;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.protocol.cdb.FirmwareImageFormat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The soak's firmware invariant: one cage is updated again and again over the link, every fourth update interrupted
 * by a failing block write; after every update, finished or not, the module must run a valid image and answer again,
 * and a finished one must run the new version, committed.
 */
final class UpdateLoop {
    static final int IMAGE_BYTES = 64 * 1024, TIMEOUT_MS = 20_000;

    /** Updates finished / interrupted: read by the soak's main thread while the loop runs. */
    final AtomicInteger done = new AtomicInteger(), interrupted = new AtomicInteger();
    final List<String> violations;

    UpdateLoop(List<String> violations) { this.violations = violations; }

    void run(Cage cage, int port, AtomicBoolean stop) {
        try (LinkTransport link = LinkTransport.connect("127.0.0.1", port, cage.number(), LinkTransport.Options.DEFAULT);
             RegisterAccess access = new RegisterAccess(link)) {
            FirmwareUpdater updater = new FirmwareUpdater(access);
            for (int k = 1; !stop.get(); k++) {
                byte[] image = FirmwareImageFormat.pack(2, k % 250, k, FirmwareImageFormat.samplePayload(
                    IMAGE_BYTES - FirmwareImageFormat.HEADER_SIZE, k));
                XpoModule module = cage.module();
                boolean interrupt = k % 4 == 0;
                ActiveFault fault = interrupt ? module.inject(new Fault.CdbWriteFailure()) : null;
                String want = FirmwareImageFormat.header(image).version();
                try {
                    FirmwareInfo info = updater.update(image, UpdateOptions.DEFAULT, p -> { });
                    if (interrupt) violation("update " + k + " succeeded although its block writes failed");
                    else if (!info.running().version().equals(want) || !info.running().committed())
                        violation("update " + k + " ended running " + info.running().version() + ", not " + want + " committed");
                    done.incrementAndGet();
                } catch (RuntimeException e) {
                    if (!interrupt) violation("update " + k + " failed: " + e.getMessage());
                    else interrupted.incrementAndGet();
                } finally {
                    if (fault != null) module.clearFault(fault.id());
                }
                checkBootable(cage, k);
            }
        } catch (RuntimeException e) {
            violation("the update loop stopped: " + e);
        }
    }

    private void checkBootable(Cage cage, int k) {
        XpoModule module = cage.module();
        FirmwareImages.Image running = module.images().runningImage();
        if (!running.valid()) violation("after update " + k + " the module runs an invalid image " + running);
        long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000L;
        while (!Emulators.ready(module)) {
            if (System.nanoTime() > deadline) {
                violation("after update " + k + " the module is not ready within " + TIMEOUT_MS + " ms (" + module.moduleState() + ")");
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void violation(String what) {
        synchronized (violations) { violations.add("firmware: " + what); }
    }
}
