package org.openxpo.driver.example;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.XpoModuleClient;
import org.openxpo.emulator.junit.EmulatedXpo;
import org.openxpo.emulator.junit.XpoTestbed;
import org.openxpo.protocol.types.ModuleState;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The example of docs/emulator-server.md ("A host driver over the link"): the host driver under test talks to the
 * emulated module over the emulator link, as it would to an emulator process in CI, and the test injects a fault
 * through the control API, as a CI script would.
 */
@EmulatedXpo(cages = 1, link = true, control = true)
class LinkClientExampleTest {
    @Test
    void theDriverSeesALaserFailureInjectedThroughTheControlApi(XpoTestbed xpo) throws Exception {
        xpo.awaitReady(Duration.ofSeconds(5));
        try (XpoModuleClient module = XpoModuleClient.open(xpo.linkUri(1))) {
            assertEquals("XPO0000001", module.identity().serialNumber());
            assertEquals(ModuleState.READY, module.moduleState());

            HttpResponse<String> injected = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(xpo.controlUrl() + "/cages/1/faults"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"kind\": \"laser-failure\", \"lanes\": [3]}")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(201, injected.statusCode(), injected.body());

            await().atMost(Duration.ofSeconds(5)).until(() -> module.readFlags().alarms().stream().map(Alarm::key)
                .anyMatch("TxFailure@3"::equals));
        }
    }
}
