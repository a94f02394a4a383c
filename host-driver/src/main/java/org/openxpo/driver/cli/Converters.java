package org.openxpo.driver.cli;

import org.openxpo.protocol.types.Lanes;
import picocli.CommandLine;

import java.time.Duration;
import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** picocli converters for xpoctl's argument types; a bad value becomes a usage error naming what is wrong. */
final class Converters {
    private Converters() {}

    /** A page number: "0x11", "11h" (hex, as CMIS documents write it) or plain decimal "17". */
    static final class Page implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                int p = v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16)
                    : v.endsWith("h") ? Integer.parseInt(v.substring(0, v.length() - 1), 16) : Integer.parseInt(v);
                if (p < 0 || p > 255) throw new CommandLine.TypeConversionException("page " + value + " is outside 00h-FFh");
                return p;
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a page (write 0x11, 11h or 17)");
            }
        }
    }

    /** A byte address in the 256-byte window: "0x80", "80h" or decimal "128". */
    static final class ByteAddress implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return new Page().convert(value);
            } catch (CommandLine.TypeConversionException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a byte address 0-255 (write 0x80, "
                    + "80h or 128)");
            }
        }
    }

    /** A duration: "500ms", "2s", "1.5s", "1m"; from 1 ms to a day. */
    static final class Interval implements CommandLine.ITypeConverter<Duration> {
        private static final Duration LONGEST = Duration.ofDays(1);

        private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");

        @Override
        public Duration convert(String value) {
            Matcher m = FORMAT.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (write 500ms, 2s or 1m)");
            double n = Double.parseDouble(m.group(1));
            double ms = switch (m.group(2)) {
                case "ms" -> n;
                case "s" -> n * 1000;
                default -> n * 60_000;
            };
            if (ms < 1) throw new CommandLine.TypeConversionException("'" + value + "' is shorter than 1 ms");
            if (ms > LONGEST.toMillis()) throw new CommandLine.TypeConversionException("'" + value + "' is longer than a day (1440m)");
            return Duration.ofMillis(Math.round(ms));
        }
    }

    /** Host lanes: "1-8", "17", "1-4,9-12". */
    static final class LaneList implements CommandLine.ITypeConverter<BitSet> {
        @Override
        public BitSet convert(String value) {
            try {
                return Lanes.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** "on" or "off" (an enum so picocli lists the choices). */
    enum Switch {
        ON, OFF;

        boolean on() { return this == ON; }
    }
}
