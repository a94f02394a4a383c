package org.openxpo.driver.cli;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.json.XpoJson;
import picocli.CommandLine.Option;

/** {@code --compact}, beside a command's {@code --json}: the document on one line (for jq, logs, line-based tools). */
final class JsonStyle {
    @Option(names = "--compact", description = "with --json: the document on one line")
    boolean compact;

    /** --compact only shapes JSON: without --json it is a usage error, not silently ignored. */
    void check(boolean json) {
        if (compact && !json) throw new XpoException.InvalidRequest("--compact shapes the --json output: add --json");
    }

    String write(Object document) { return compact ? XpoJson.compact(document) : XpoJson.pretty(document); }
}
