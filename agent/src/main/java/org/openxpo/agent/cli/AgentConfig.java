package org.openxpo.agent.cli;

import org.openxpo.agent.core.ModuleSpec;
import org.openxpo.agent.core.PollOptions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The agent's config file (docs/agent.md, "Configuration"), YAML or JSON by its extension. Strict: an unknown or
 * misspelt key is an error naming it. Paths inside are relative to the file's directory.
 *
 * @param modules the modules to watch, in order
 * @param gnmi    null: no gNMI face
 */
public record AgentConfig(List<Module> modules, Poll poll, Http http, String tokenFile, Tls tls, Gnmi gnmi) {

    public record Module(String name, String target) {}

    /** Seconds, fractions allowed; null keeps the default (VDM statistics: not read). */
    public record Poll(Double snapshotSeconds, Double alarmSeconds, Integer maxConcurrent, Double vdmStatisticsSeconds) {}

    public record Http(String bind, Integer port, List<String> hostNames) {}

    public record Tls(String certFile, String keyFile) {}

    /** The gNMI face: off unless a port is given; it shares the HTTP face's address, TLS and token. */
    public record Gnmi(Integer port) {}

    private static final ObjectMapper JSON = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    /** Reads {@code file}; any problem is an IllegalArgumentException whose message names the file and the key. */
    public static AgentConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the config " + file + ": " + e.getMessage());
        }
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = n.endsWith(".json") ? JSON : YAML;
        AgentConfig c;
        try {
            c = mapper.readValue(text, AgentConfig.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("config " + file + ": " + e.getOriginalMessage()
                + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (c == null) throw new IllegalArgumentException("config " + file + " is empty");
        if (c.modules() == null || c.modules().isEmpty()) throw new IllegalArgumentException("config " + file + " names no modules");
        try {
            c.pollOptions(); // a bad interval is the file's error, named with it
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config " + file + ": " + e.getMessage());
        }
        return c;
    }

    /** The module specs, each checked (name, target). */
    public List<ModuleSpec> specs() {
        return modules.stream().map(m -> m.name() == null ? ModuleSpec.unnamed(m.target()) : new ModuleSpec(m.name(), m.target())).toList();
    }

    /** The poll options with this file's overrides. */
    public PollOptions pollOptions() {
        PollOptions o = PollOptions.DEFAULT;
        if (poll == null) return o;
        if (poll.snapshotSeconds() != null) o = o.withSnapshotInterval(seconds(poll.snapshotSeconds(), "poll.snapshotSeconds"));
        if (poll.alarmSeconds() != null) o = o.withAlarmInterval(seconds(poll.alarmSeconds(), "poll.alarmSeconds"));
        if (poll.maxConcurrent() != null) o = new PollOptions(o.snapshotInterval(), o.alarmInterval(), poll.maxConcurrent(),
            o.historyWindow(), o.historySamples(), o.alarmLogSize(), o.vdmStatisticsInterval());
        if (poll.vdmStatisticsSeconds() != null)
            o = o.withVdmStatisticsInterval(seconds(poll.vdmStatisticsSeconds(), "poll.vdmStatisticsSeconds"));
        return o;
    }

    static Duration seconds(double s, String what) {
        if (!(s > 0) || s > 86_400) throw new IllegalArgumentException(what + " must be more than 0 and at most 86400 seconds, not " + s);
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
