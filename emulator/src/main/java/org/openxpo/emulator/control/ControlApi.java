package org.openxpo.emulator.control;

import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.emulator.module.BusStatistics;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.emulator.scenario.ChassisReset;
import org.openxpo.emulator.scenario.Presence;
import org.openxpo.emulator.scenario.Scenario;
import org.openxpo.emulator.scenario.ScenarioRunner;
import org.openxpo.emulator.scenario.StrictJson;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.types.ModuleState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.openxpo.emulator.control.Routes.Request;
import static org.openxpo.emulator.control.Routes.Response;

/** The control API's endpoints: what each one does to the chassis and what it answers. Transport-free. */
final class ControlApi implements AutoCloseable {
    record PinRequest(Boolean resetL, Boolean lpMode, Boolean powerEnable) {}

    record ModuleBusStatistics(long transfers, long messages, long bytesRead, long bytesWritten, long nacks,
                               long pageSelects, long busErrors) {}

    record BusStats(int cage, Object link, ModuleBusStatistics module) {}

    record ScenarioApplied(List<Integer> cages, int scriptSteps) {}

    record Health(String status, int cages) {}

    record CageWaiting(int cage, String moduleState) {}

    record Readiness(boolean ready, List<CageWaiting> waitingFor) {}

    record Cleared(int cleared) {}

    record Reset(List<Integer> cages, boolean scenarioRestarted) {}

    record Listing(List<Routes.Listed> routes) {}

    private final EmulatedChassis chassis;
    private final LinkServer link;
    private final Scenario startup;
    private final Routes routes = new Routes();

    /** {@code startup}: the scenario the emulator started with, applied again by a reset (null: none). */
    ControlApi(EmulatedChassis chassis, LinkServer link, Scenario startup) {
        this.chassis = chassis;
        this.link = link;
        this.startup = startup;
        routes.add("GET", "/api", "this list of endpoints", r -> Response.ok(new Listing(routes.listing())))
            .add("GET", "/api/health", "liveness: 200 while the emulator runs", r -> Response.ok(new Health("ok", chassis.size())))
            .add("GET", "/api/ready", "readiness: 200 when every plugged module is ModuleReady or held in ModuleLowPwr, "
                + "else 503 naming the cages still on their way", this::ready)
            .add("GET", "/api/cages", "every cage: presence, module state, serial",
                r -> Response.ok(chassis.cages().stream().map(n -> CageViews.summary(chassis.cage(n))).toList()))
            .add("GET", "/api/cages/{cage}", "one cage: pins, module, power, cooling, firmware, lanes, faults",
                r -> Response.ok(CageViews.state(cage(r), chassis.clock().nanos())))
            .add("GET", "/api/cages/{cage}/faults", "the cage's active faults",
                r -> Response.ok(CageViews.faults(module(r), chassis.clock().nanos())))
            .add("POST", "/api/cages/{cage}/faults", "inject a fault ({\"kind\": ...})", this::injectFault)
            .add("DELETE", "/api/cages/{cage}/faults", "clear every fault of the cage", this::clearCageFaults)
            .add("GET", "/api/cages/{cage}/faults/{id}", "one active fault", this::fault)
            .add("DELETE", "/api/cages/{cage}/faults/{id}", "clear one fault", this::clearFault)
            .add("DELETE", "/api/faults", "clear every fault of every cage", this::clearAllFaults)
            .add("POST", "/api/cages/{cage}/plug", "plug the cage's module back in", this::plug)
            .add("POST", "/api/cages/{cage}/unplug", "pull the cage's module out", this::unplug)
            .add("GET", "/api/cages/{cage}/pins", "the cage's pin levels", r -> Response.ok(CageViews.pins(cage(r))))
            .add("POST", "/api/cages/{cage}/pins", "drive resetL, lpMode, powerEnable", this::writePins)
            .add("GET", "/api/cages/{cage}/bus-stats", "link and module bus counters", this::busStats)
            .add("GET", "/api/scenario", "progress of the scenario playing (404 if none)", this::scenarioProgress)
            .add("POST", "/api/scenario", "apply a scenario and play its script from now", this::applyScenario)
            .add("POST", "/api/reset", "the chassis as it started: fresh modules, default pins, no faults, the start-up "
                + "scenario from its beginning", this::reset);
    }

    Response dispatch(String method, String path, String body) { return routes.dispatch(method, path, body); }

    private Cage cage(Request r) {
        String text = r.param("cage");
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= chassis.size()) return chassis.cage(n);
        } catch (NumberFormatException e) {
            // falls through to the 404 below
        }
        throw ApiException.notFound("no cage " + text + " (cages are 1-" + chassis.size() + ")");
    }

    private XpoModule module(Request r) {
        Cage c = cage(r);
        XpoModule m = c.module();
        if (m == null) throw ApiException.conflict("cage " + c.number() + " is empty (POST /api/cages/" + c.number() + "/plug first)");
        return m;
    }

    private Response ready(Request r) {
        List<CageWaiting> waiting = new ArrayList<>();
        for (int n : chassis.cages()) {
            XpoModule m = chassis.cage(n).module();
            if (m == null) continue;
            ModuleState state = m.moduleState();
            if (state != ModuleState.READY && state != ModuleState.LOW_PWR) waiting.add(new CageWaiting(n, state.cmisName()));
        }
        return new Response(waiting.isEmpty() ? 200 : 503, new Readiness(waiting.isEmpty(), waiting), Map.of());
    }

    private Response clearCageFaults(Request r) { return Response.ok(new Cleared(clearAll(module(r)))); }

    private Response clearAllFaults(Request r) {
        int cleared = 0;
        for (int n : chassis.cages()) {
            XpoModule m = chassis.cage(n).module();
            if (m != null) cleared += clearAll(m);
        }
        return Response.ok(new Cleared(cleared));
    }

    private static int clearAll(XpoModule m) {
        int cleared = 0;
        for (ActiveFault a : m.activeFaults()) if (m.clearFault(a.id())) cleared++;
        return cleared;
    }

    private Response scenarioProgress(Request r) {
        return ScenarioRunner.playing(chassis).map(p -> Response.ok(p.progress()))
            .orElseThrow(() -> ApiException.notFound("no scenario is playing (POST /api/scenario applies one)"));
    }

    private synchronized Response reset(Request r) {
        ChassisReset.reset(chassis);
        if (startup != null) ScenarioRunner.start(chassis, startup);
        return Response.ok(new Reset(chassis.cages().stream().filter(n -> chassis.cage(n).present()).toList(), startup != null));
    }

    private Response injectFault(Request r) {
        XpoModule m = module(r);
        Fault fault;
        try {
            fault = StrictJson.read(r.body(), Fault.class);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        ActiveFault a = m.inject(fault);
        return new Response(201, CageViews.fault(a, chassis.clock().nanos()),
            Map.of("Location", "/api/cages/" + r.param("cage") + "/faults/" + a.id()));
    }

    private Response fault(Request r) {
        XpoModule m = module(r);
        for (ActiveFault a : m.activeFaults()) {
            if (a.id().equals(r.param("id"))) return Response.ok(CageViews.fault(a, chassis.clock().nanos()));
        }
        throw noFault(r);
    }

    private Response clearFault(Request r) {
        if (!module(r).clearFault(r.param("id"))) throw noFault(r);
        return Response.noContent();
    }

    private static ApiException noFault(Request r) {
        return ApiException.notFound("no active fault " + r.param("id") + " on cage " + r.param("cage"));
    }

    private Response plug(Request r) {
        Cage c = cage(r);
        if (!Presence.plug(chassis, c.number())) throw ApiException.conflict("cage " + c.number() + " already holds a module");
        return Response.ok(CageViews.summary(c));
    }

    private Response unplug(Request r) {
        Cage c = cage(r);
        if (!Presence.unplug(chassis, c.number())) throw ApiException.conflict("cage " + c.number() + " is already empty");
        return Response.ok(CageViews.summary(c));
    }

    private Response writePins(Request r) {
        Cage c = cage(r);
        PinRequest p;
        try {
            p = r.body().isBlank() ? new PinRequest(null, null, null) : StrictJson.read(r.body(), PinRequest.class);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (p.resetL() != null) c.writePin(Pin.RESET_L, p.resetL());
        if (p.lpMode() != null) c.writePin(Pin.LP_MODE, p.lpMode());
        if (p.powerEnable() != null) c.writePin(Pin.POWER_ENABLE, p.powerEnable());
        return Response.ok(CageViews.pins(c));
    }

    private Response busStats(Request r) {
        Cage c = cage(r);
        XpoModule m = c.module();
        ModuleBusStatistics own = null;
        if (m != null) {
            BusStatistics s = m.statistics();
            own = new ModuleBusStatistics(s.transfers, s.messages, s.bytesRead, s.bytesWritten, s.nacks, s.pageSelects,
                s.busErrors);
        }
        return Response.ok(new BusStats(c.number(), link == null ? null : link.statistics(c.number()), own));
    }

    private synchronized Response applyScenario(Request r) {
        try {
            Scenario s = Scenario.parse(r.body());
            ScenarioRunner.start(chassis, s);
            List<Integer> cages = new ArrayList<>();
            int steps = 0;
            for (Scenario.CageSetup c : s.cages()) {
                cages.add(c.cage());
                steps += c.script().size();
            }
            return Response.ok(new ScenarioApplied(cages, steps));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** Stops the script of the scenario the chassis plays (its faults stay). */
    @Override
    public synchronized void close() {
        ScenarioRunner.playing(chassis).ifPresent(ScenarioRunner::close);
    }
}
