package org.openxpo.driver.cli;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.json.XpoJson;
import org.openxpo.driver.access.AdvertisedPages;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.Pages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * {@code dump}: raw bytes of any page the module advertises, addressed like {@code ethtool -m DEV page N bank B offset
 * O length L}, printed in the layout of {@code ethtool -m DEV hex on} (an offset column and 16 bytes per line), as raw
 * binary ({@code --raw}, like {@code raw on}) or as JSON. Page 00h defaults to bytes 0–255 (lower page and upper page
 * 00h), any other page to its upper half, 128–255. Which pages and banks exist is read from the module (00h:2,
 * 01h:142, 01h:163) before anything is selected, so a page it does not advertise is a clear error, never a probe.
 */
@Command(name = "dump", description = {"Hex dump of a page, like ethtool -m DEV page N bank B offset O length L hex on.",
    "Page 00h: bytes 0-255; other pages: 128-255. Any page the module advertises (01h:142, 01h:163), custom pages "
        + "B0h-FFh included. Latched flags in the range are cleared by the read."})
final class DumpCommand extends JsonCommand {
    @Option(names = "--page", paramLabel = "P", defaultValue = "0", converter = Converters.Page.class,
        description = "page: 0x11, 11h or decimal (default: 00h)")
    int page;

    @Option(names = "--bank", paramLabel = "B", defaultValue = "0", description = "bank of a banked page (default: 0)")
    int bank;

    @Option(names = "--offset", paramLabel = "O", converter = Converters.ByteAddress.class,
        description = "first byte, 0-255 (default: 0 on page 00h, else 128); 0-127 is lower memory, on page 00h only")
    Integer offset;

    @Option(names = "--length", paramLabel = "L", description = "bytes to read (default: up to byte 255)")
    Integer length;

    @Option(names = "--raw", description = "the bytes themselves on stdout (binary), like ethtool's raw on")
    boolean raw;

    int from() {
        return offset != null ? offset : page == Pages.ADMINISTRATIVE ? 0 : ManagementInterface.UPPER_PAGE_START;
    }

    int count() { return length != null ? length : ManagementInterface.WINDOW_SIZE - from(); }

    @Override
    void validate() {
        super.validate();
        if (raw && json) throw new XpoException.InvalidRequest("--raw and --json are two outputs: choose one");
        if (page != Pages.ADMINISTRATIVE && from() < ManagementInterface.UPPER_PAGE_START) {
            throw new XpoException.InvalidRequest(String.format("bytes 0-127 are lower memory, the same whatever page is "
                + "selected: dump them with --page 0 (page %02Xh has bytes 128-255)", page));
        }
        if (count() < 1 || from() + count() > ManagementInterface.WINDOW_SIZE) {
            throw new XpoException.InvalidRequest(String.format("--length %d from byte %d goes past byte 255 "
                + "(at most %d)", count(), from(), ManagementInterface.WINDOW_SIZE - from()));
        }
        if (bank < 0) throw new XpoException.InvalidRequest("--bank " + bank + " is negative");
    }

    @Override
    void run(Session s, PrintWriter out) {
        AdvertisedPages.read(s.client.access()).require(page, bank);
        // a page the XPO map does not declare (another maker's) is read by CMIS's banking rule, once advertised
        byte[] data = MemoryMap.xpo().page(page).isPresent() || from() < ManagementInterface.UPPER_PAGE_START
            ? s.client.access().read(page, bank, from(), count()) : s.client.access().readUnmapped(page, bank, from(), count());
        if (raw) {
            out.flush();
            try {
                root().rawOutput().write(data);
                root().rawOutput().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (json) {
            out.println(style.write(XpoJson.dump(s.target, page, bank, from(), data)));
        } else {
            out.print(format(page, bank, from(), data));
        }
    }

    static String format(int page, int bank, int from, byte[] data) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Page %02Xh%s%n", page, bank != 0 ? " bank " + bank : ""));
        sb.append("Offset\t\tValues\n------\t\t------\n");
        for (int at = 0; at < data.length; at += 16) {
            sb.append(String.format("0x%04x:\t\t", from + at));
            for (int k = at; k < Math.min(at + 16, data.length); k++) {
                sb.append(String.format("%02x", data[k] & 0xFF)).append(k + 1 < Math.min(at + 16, data.length) ? " " : "");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
