package org.openxpo.driver.cli;

import org.openxpo.driver.json.XpoJson;
import org.openxpo.driver.vdm.VdmObservable;
import org.openxpo.driver.vdm.VdmReader;
import org.openxpo.driver.vdm.VdmReading;
import org.openxpo.driver.vdm.VdmThreshold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code vdm}: the module's VDM observables (pages 20h–2Fh) as it advertises them, a row per lane: the basic values by
 * default (no freeze), the interval statistics with {@code --stats} (freeze, read, release), everything with
 * {@code --json}; the values beyond their thresholds (pages 28h–2Bh) below the table, the thresholds themselves with
 * {@code --thresholds}.
 */
@Command(name = "vdm", description = {"VDM link-quality values per lane (pages 20h-2Fh): laser temperature, eSNR, "
    + "PAM4 LTP, pre-FEC BER, errored frames.",
    "The layout is read from the module's descriptors. --stats freezes and shows the interval statistics "
        + "(BER min/max/avg, errored frames max); a new interval starts after the read."})
final class VdmCommand extends JsonCommand {
    @Option(names = "--stats", description = "the statistic observables instead of the basic ones (freezes the interval)")
    boolean stats;

    @Option(names = "--thresholds", description = "the thresholds instead of the values (with --json: always included)")
    boolean thresholds;

    @Option(names = "--lanes", paramLabel = "A-B", converter = Converters.LaneList.class,
        description = "only these lanes (default: every lane with an observable)")
    java.util.BitSet lanes;

    @Override
    void run(Session s, PrintWriter out) {
        VdmReader vdm = s.client.vdm();
        List<VdmThreshold> limits = vdm.thresholds();
        if (thresholds && !json) {
            out.print(VdmTable.thresholds(limits, stats, lanes));
            return;
        }
        VdmReading r = vdm.read(json || stats);
        Map<VdmObservable, VdmThreshold> byObservable = new HashMap<>();
        for (VdmThreshold t : limits) byObservable.put(t.observable(), t);
        if (json) out.println(style.write(XpoJson.vdm(s.target, r, byObservable, lanes)));
        else out.print(VdmTable.of(r, byObservable, stats, lanes));
    }
}
