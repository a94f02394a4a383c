package org.openxpo.driver.cli;

import org.openxpo.driver.XpoException;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.PageDef;
import org.openxpo.protocol.map.Pages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.stream.Collectors;

/**
 * {@code dump}: raw bytes in the layout of {@code ethtool -m DEV hex on}: an offset column and 16 bytes per line.
 * Page 00h shows bytes 0–255 (lower page and upper page 00h), any other page its upper half, 128–255.
 */
@Command(name = "dump", description = {"Hex dump of a page, like ethtool -m DEV hex on.",
    "Page 00h: bytes 0-255; other pages: 128-255. Latched flags in the range are cleared by the read."})
final class DumpCommand extends ModuleCommand {
    @Option(names = "--page", paramLabel = "P", defaultValue = "0", converter = Converters.Page.class,
        description = "page: 0x11, 11h or decimal (default: 00h)")
    int page;

    @Option(names = "--bank", paramLabel = "B", defaultValue = "0", description = "bank of a banked page (default: 0)")
    int bank;

    @Override
    void validate() {
        MemoryMap map = MemoryMap.xpo();
        if (page != Pages.ADMINISTRATIVE) {
            PageDef def = map.page(page).orElseThrow(() -> new XpoException.InvalidRequest(String.format(
                "page %02Xh is not in the XPO memory map (pages: 00h %s)", page,
                map.pages().stream().filter(p -> p.number() != Pages.ADMINISTRATIVE).map(PageDef::label)
                    .collect(Collectors.joining(" ")))));
            if (!def.acceptsBank(bank)) {
                throw new XpoException.InvalidRequest(def.banked()
                    ? String.format("page %02Xh has banks 0-%d, not %d", page, def.banks() - 1, bank)
                    : String.format("page %02Xh is not banked: leave --bank out", page));
            }
        } else if (bank != 0) {
            throw new XpoException.InvalidRequest("page 00h is not banked: leave --bank out");
        }
    }

    @Override
    void run(Session s, PrintWriter out) {
        int from = page == Pages.ADMINISTRATIVE ? 0 : ManagementInterface.UPPER_PAGE_START;
        byte[] data = s.client.access().read(page, bank, from, ManagementInterface.WINDOW_SIZE - from);
        out.print(format(page, bank, from, data));
    }

    static String format(int page, int bank, int from, byte[] data) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Page %02Xh%s%n", page, bank != 0 ? " bank " + bank : ""));
        sb.append("Offset\t\tValues\n------\t\t------\n");
        for (int at = 0; at < data.length; at += 16) {
            sb.append(String.format("0x%04x:\t\t", from + at));
            for (int k = at; k < Math.min(at + 16, data.length); k++) {
                sb.append(String.format("%02x", data[k] & 0xFF)).append(k + 1 < at + 16 ? " " : "");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
