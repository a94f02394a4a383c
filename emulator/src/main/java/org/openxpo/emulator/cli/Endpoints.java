package org.openxpo.emulator.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openxpo.emulator.scenario.StrictJson;

/**
 * Where a started emulator listens, as the one line of JSON it prints on stdout (and writes to {@code --ready-file})
 * once both servers accept connections: what a CI job reads after starting it with {@code --port 0 --control-port 0}.
 * {@code link} is the emulator link's base URI (a host driver appends {@code /CAGE}); {@code control} the control
 * API's base URL; {@code grpc} the xcvr-emu gRPC service's target ({@code host:port}), left out when it is off.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Endpoints(String link, int linkPort, String control, int controlPort, String grpc, Integer grpcPort,
                        int cages, long pid) {
    /** One line of JSON, e.g. {@code {"link":"tcp://127.0.0.1:40321","linkPort":40321,...}}. */
    public String json() { return StrictJson.MAPPER.writeValueAsString(this); }
}
