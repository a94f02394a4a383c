package org.openxpo.emulator.scenario;

import org.openxpo.emulator.fault.Fault;

import java.util.List;
import java.util.Map;

/** The scenario file exactly as written; {@link Scenario} checks it and gives it meaning. */
final class ScenarioJson {
    private ScenarioJson() {}

    record Document(String description, Long seed, Map<String, CageJson> cages) {}

    record CageJson(Boolean present, IdentityJson identity, List<String> applications, PowerJson power,
                    List<StepJson> script) {}

    record IdentityJson(String vendor, String partNumber, String serialNumber, String firmware) {}

    record PowerJson(Boolean powerEnable, Boolean lpMode) {}

    /** {@code clear} is "previous", "all" or the index of an earlier step of the same script. */
    record StepJson(Long atMs, Fault fault, Object clear) {}
}
