package org.openxpo.driver.cli;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.firmware.FirmwareInfo;
import org.openxpo.driver.firmware.FirmwareUpdater;
import org.openxpo.protocol.cdb.FirmwareImageFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code xpoctl fw}: firmware information, update, run, commit, and building test images (docs/firmware.md). */
@Command(name = "fw", description = "Firmware: info, update, run, commit, pack.",
    subcommands = {FirmwareCommands.Info.class, FirmwareCommands.Update.class, FirmwareCommands.Run.class,
        FirmwareCommands.Commit.class, FirmwareCommands.Pack.class, HelpCommand.class})
final class FirmwareCommands extends CommandGroup {
    @ParentCommand
    XpoCtl root;

    static FirmwareUpdater updater(Session s) { return new FirmwareUpdater(s.client.access(), s.client.clock()); }

    @Command(name = "info", description = "Both firmware banks: versions, which runs, which is committed (CDB 0100h).")
    static final class Info extends FirmwareJsonCommand {
        @Override
        void run(Session s, PrintWriter out) {
            FirmwareInfo info = updater(s).info();
            if (json) {
                printBanks(out, s.target, info);
                return;
            }
            out.printf("%-5s %-8s %-6s %-8s %-10s  %s%n", "bank", "version", "build", "running", "committed",
                "image");
            for (FirmwareInfo.Bank b : List.of(info.a(), info.b())) {
                out.printf("%-5s %-8s %-6d %-8s %-10s%s%n", b.name(), b.valid() ? b.version() : "invalid", b.build(),
                    b.running() ? "yes" : "", b.committed() ? "yes" : "", b.extra().isEmpty() ? "" : "  " + b.extra());
            }
        }

        static Map<String, Object> json(String target, FirmwareInfo info) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("schema", "openxpo.firmware/1");
            m.put("target", target);
            m.put("running", info.running().version());
            m.put("committed", info.committed().version());
            m.put("banks", List.of(bank(info.a()), bank(info.b())));
            return m;
        }

        private static Map<String, Object> bank(FirmwareInfo.Bank b) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bank", b.name());
            m.put("version", b.valid() ? b.version() : null);
            m.put("build", b.build());
            m.put("valid", b.valid());
            m.put("running", b.running());
            m.put("committed", b.committed());
            return m;
        }
    }

    @Command(name = "update", description = "Download FILE, run it, verify the version and commit it.")
    static final class Update extends FirmwareJsonCommand {
        @Parameters(paramLabel = "FILE", description = "firmware image (see 'xpoctl fw pack')")
        Path file;

        @Option(names = "--no-commit", description = "run the new image but leave the old one committed")
        boolean noCommit;

        @Option(names = "--password", paramLabel = "P", description = "host password (hex like 0x00001011, or decimal)")
        String password;

        @Option(names = "--lpl", description = "use LPL block writes even where EPL is available")
        boolean lpl;


        @Option(names = "--vendor-image", description = "FILE is another maker's image: send it as it is, without "
            + "checking it as an XPO image (XPOF header)")
        boolean vendorImage;

        private byte[] image;
        private Long pw;

        @Override
        void validate() {
            super.validate();
            image = ImageFile.read(file);
            if (!vendorImage) {
                try {
                    FirmwareImageFormat.checkHeader(image);
                } catch (IllegalArgumentException e) {
                    throw new XpoException.InvalidRequest(file + ": " + e.getMessage()
                        + " (nothing was sent; another maker's image needs --vendor-image)");
                }
            }
            if (password != null) pw = parsePassword(password);
        }

        @Override
        void run(Session s, PrintWriter out) {
            DownloadProgress bar = new DownloadProgress(spec.commandLine().getErr(), DownloadProgress.onTerminal(),
                s.client.clock());
            FirmwareUpdater.UpdateOptions o = FirmwareUpdater.UpdateOptions.DEFAULT.withCommit(!noCommit)
                .withPassword(pw).withEpl(!lpl);
            long start = s.client.clock().nanoTime();
            FirmwareInfo info;
            try {
                info = updater(s).update(image, o, bar::show);
            } finally {
                bar.done();
            }
            if (json) {
                printBanks(out, s.target, info);
                return;
            }
            out.printf("updated to %s in %.1f s; running %s, committed %s%n", info.running().version(),
                (s.client.clock().nanoTime() - start) / 1e9, info.running().version(), info.committed().version());
        }

        static long parsePassword(String text) {
            try {
                String t = text.trim().toLowerCase();
                long v = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
                if (v < 0 || v > 0xFFFF_FFFFL) throw new NumberFormatException();
                return v;
            } catch (NumberFormatException e) {
                throw new XpoException.InvalidRequest("password '" + text + "' is not a 32-bit number");
            }
        }
    }

    @Command(name = "run", description = "Reset into the inactive image (CDB 0109h mode 0) and wait for the module.")
    static final class Run extends FirmwareJsonCommand {
        @Override
        void run(Session s, PrintWriter out) {
            FirmwareUpdater.UpdateOptions o = FirmwareUpdater.UpdateOptions.DEFAULT;
            updater(s).run(o.delayToReset(), o.backAfterRun());
            FirmwareInfo info = updater(s).info();
            if (json) printBanks(out, s.target, info);
            else out.println("running " + info.running().version() + " (uncommitted until 'xpoctl fw commit')");
        }
    }

    @Command(name = "commit", description = "Make the running image the one that boots (CDB 010Ah).")
    static final class Commit extends FirmwareJsonCommand {
        @Override
        void run(Session s, PrintWriter out) {
            FirmwareUpdater u = updater(s);
            u.commit();
            FirmwareInfo info = u.info();
            if (json) printBanks(out, s.target, info);
            else out.println("committed " + info.committed().version());
        }
    }

    /** A fw command whose --json result is the banks afterwards, schema openxpo.firmware/1. */
    abstract static class FirmwareJsonCommand extends JsonCommand {
        void printBanks(PrintWriter out, String target, FirmwareInfo info) {
            out.println(style.write(Info.json(target, info)));
        }
    }

    @Command(name = "pack", description = "Build a valid firmware image for the emulator (tests, demos, docs).")
    static final class Pack implements Callable<Integer> {
        @Option(names = "--version", required = true, paramLabel = "MAJOR.MINOR", description = "image version, e.g. 2.1")
        String version;

        @Option(names = "--size", paramLabel = "BYTES", defaultValue = "262144", description = "payload size (default 256 KiB)")
        int size;

        @Option(names = "--build", defaultValue = "1", description = "build number (0-65535)")
        int build;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "where to write the image")
        Path output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String[] parts = version.split("\\.", -1);
            int major, minor;
            try {
                if (parts.length != 2) throw new NumberFormatException();
                major = Integer.parseInt(parts[0]);
                minor = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new XpoException.InvalidRequest("version '" + version + "' is not MAJOR.MINOR");
            }
            if (size < 0 || size > FirmwareImageFormat.MAX_IMAGE_SIZE - FirmwareImageFormat.HEADER_SIZE) {
                throw new XpoException.InvalidRequest("size " + size + " is outside 0-"
                    + (FirmwareImageFormat.MAX_IMAGE_SIZE - FirmwareImageFormat.HEADER_SIZE));
            }
            byte[] image = FirmwareImageFormat.pack(major, minor, build, FirmwareImageFormat.samplePayload(size, major * 256L + minor));
            try {
                Files.write(output, image);
            } catch (IOException e) {
                throw new XpoException.InvalidRequest("cannot write " + output + ": " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("wrote %s: image %d.%d build %d, %d bytes%n", output, major, minor, build, image.length);
            out.flush();
            return ExitCode.OK;
        }
    }
}
