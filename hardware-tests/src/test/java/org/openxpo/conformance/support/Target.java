package org.openxpo.conformance.support;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import org.junit.jupiter.api.Assumptions;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.transport.I3cTransport;
import org.openxpo.driver.transport.InProcessTransport;
import org.openxpo.driver.transport.Pi4jTransport;
import org.openxpo.driver.transport.TargetUri;
import org.openxpo.driver.transport.Transport;
import org.openxpo.driver.transport.Transports;
import org.openxpo.driver.pi4j.ConnectorGpioProviders;
import org.openxpo.driver.pi4j.ConnectorI2CProvider;
import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.protocol.connector.Pin;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One module the suite runs against, opened once per target and shared by every check class of that target:
 * <ul>
 *   <li>{@code embedded}: an emulated module in this JVM, reached through the driver's in-process transport;</li>
 *   <li>{@code tcp}: the same kind of module behind an emulator link server on a free loopback port, reached through
 *   the driver's link transport ({@code tcp://127.0.0.1:PORT/1});</li>
 *   <li>{@code pi4j-emulated}: the driver's Pi4J transport — the code a Raspberry Pi runs — with Pi4J providers
 *   backed by an emulated module, so the hardware path is exercised in CI;</li>
 *   <li>{@code pi4j}: a real module on a Raspberry Pi (I2C + GPIO), from {@code xpo.pi4j.target}.</li>
 * </ul>
 * The emulated targets keep a handle on their module for fault injection; a real module has none.
 */
public final class Target implements AutoCloseable {
    /** The BCM lines the pi4j-emulated target wires, as a bench would (README wiring table). */
    static final String EMULATED_PI4J_URI =
        "pi4j://1/0x50?resetL=17&lpMode=27&intL=22&modPrsL=23&powerEnable=24&powerGood=25";
    private static final Map<Integer, Pin> EMULATED_PI4J_LINES = Map.of(17, Pin.RESET_L, 27, Pin.LP_MODE,
        22, Pin.INT_L, 23, Pin.MOD_PRS_L, 24, Pin.POWER_ENABLE, 25, Pin.POWER_GOOD);

    private final String name;
    private final String description;
    private final Transport transport;
    private final RegisterAccess access;
    private final EmulatedChassis chassis;
    private final Context pi4jContext;
    private final Set<Pin> wired;
    private volatile LinkServer server;
    private final int port;
    private final List<AutoCloseable> extras = new ArrayList<>();
    private final EmulatedModule moduleKind;
    private Host host;

    private Target(String name, String description, Transport transport, EmulatedChassis chassis, LinkServer server,
                   Context pi4jContext, Set<Pin> wired) {
        this.name = name;
        this.description = description;
        this.transport = transport;
        this.chassis = chassis;
        this.server = server;
        this.port = server == null ? -1 : server.port();
        this.pi4jContext = pi4jContext;
        this.wired = wired;
        this.moduleKind = EmulatedModule.of(name);
        this.access = new RegisterAccess(transport);
    }

    /**
     * Opens the target {@code name}. An unconfigured pi4j target aborts (one line saying how to enable it); a
     * configured one that cannot be reached fails with the driver's message.
     */
    public static Target open(String name) {
        EmulatedModule module = EmulatedModule.of(name);
        return switch (name.substring(0, name.length() - module.suffix().length())) {
            case "embedded" -> embedded();
            case "tcp" -> tcp(module);
            case "pi4j-emulated" -> pi4jEmulated(module);
            case "pi4j" -> pi4j();
            default -> throw new IllegalArgumentException("unknown target " + name);
        };
    }

    private static EmulatedChassis chassis(EmulatedModule module) {
        ModuleConfig.Timing timing = Settings.realEmulatorTiming() ? ModuleConfig.Timing.defaults() : ModuleConfig.Timing.fast();
        return new EmulatedChassis(1, EmulatorClock.system(), i -> module.apply(ModuleConfig.builder()
            .serialNumber(EmulatedChassis.serial(i)).seed(i).timing(timing)).build());
    }

    /** How the emulated module runs, and what it advertises differently from the profile, for the report. */
    private static String moduleNote(EmulatedModule module) {
        String timing = Settings.realEmulatorTiming() ? "real timing" : "fast timing";
        return module.reduced() ? timing + "; " + module.description() : timing;
    }

    private static Target embedded() {
        EmulatedChassis chassis = chassis(EmulatedModule.PROFILE);
        Transport t = new InProcessTransport(chassis.cage(1), null, "embedded");
        return new Target("embedded", "in-process emulated module (" + moduleNote(EmulatedModule.PROFILE) + ")", t,
            chassis, null, null, EnumSet.allOf(Pin.class));
    }

    private static Target tcp(EmulatedModule module) {
        EmulatedChassis chassis = chassis(module);
        LinkServer server = LinkServer.start(chassis, new InetSocketAddress("127.0.0.1", 0), BusTiming.OFF);
        try {
            Transport t = Transports.open("tcp://127.0.0.1:" + server.port() + "/1");
            return new Target("tcp" + module.suffix(), "emulator link " + t.describe() + " (" + moduleNote(module) + ")",
                t, chassis, server, null, EnumSet.allOf(Pin.class));
        } catch (RuntimeException e) {
            server.close();
            chassis.close();
            throw e;
        }
    }

    private static Target pi4jEmulated(EmulatedModule module) {
        EmulatedChassis chassis = chassis(module);
        Cage cage = chassis.cage(1);
        Context ctx = Pi4J.newContextBuilder().noAutoDetect()
            .add(new ConnectorI2CProvider(bus -> bus == 1 ? cage : null),
                ConnectorGpioProviders.outputs(cage, EMULATED_PI4J_LINES),
                ConnectorGpioProviders.inputs(cage, EMULATED_PI4J_LINES))
            .build();
        TargetUri uri = TargetUri.parse(EMULATED_PI4J_URI);
        Transport t = Pi4jTransport.open(ctx, uri);
        return new Target("pi4j-emulated" + module.suffix(), "Pi4J transport " + uri + " on emulator-backed Pi4J "
            + "providers (" + moduleNote(module) + ")", t, chassis, null, ctx, wiredPins(uri));
    }

    private static Target pi4j() {
        String uri = Settings.pi4jTarget();
        if (uri == null) Assumptions.abort(Settings.PI4J_HOW_TO);
        TargetUri parsed = TargetUri.parse(uri);
        if (parsed.kind() != TargetUri.Kind.PI4J) {
            throw new IllegalArgumentException("xpo.pi4j.target must be a pi4j:// URI, not " + uri);
        }
        Transport t = Transports.open(parsed);
        Set<Pin> pins = wiredPins(parsed);
        if (pins.contains(Pin.MOD_PRS_L) && t.readPin(Pin.MOD_PRS_L)) {
            t.close();
            throw new IllegalStateException("no module present at " + parsed + ": ModPrsL (GPIO " + parsed.gpio("modPrsL")
                + ") reads high; seat the module or check the ModPrsL wiring and its pull-up");
        }
        return new Target("pi4j", "real module " + parsed + " (Raspberry Pi I2C + GPIO)", t, null, null, null, pins);
    }

    private static Set<Pin> wiredPins(TargetUri uri) {
        Set<Pin> pins = EnumSet.noneOf(Pin.class);
        if (uri.gpio("resetL") >= 0) pins.add(Pin.RESET_L);
        if (uri.gpio("lpMode") >= 0) pins.add(Pin.LP_MODE);
        if (uri.gpio("powerEnable") >= 0) pins.add(Pin.POWER_ENABLE);
        if (uri.gpio("intL") >= 0) pins.add(Pin.INT_L);
        if (uri.gpio("modPrsL") >= 0) pins.add(Pin.MOD_PRS_L);
        if (uri.gpio("powerGood") >= 0) pins.add(Pin.POWER_GOOD);
        return pins;
    }

    public String name() { return name; }

    /** One line for the report: what the target is and how it is reached. */
    public String description() { return description; }

    public Transport transport() { return transport; }

    public RegisterAccess access() { return access; }

    /** The suite's host helper for this target (one per target, shared by every check class). */
    public synchronized Host host() {
        if (host == null) host = new Host(this);
        return host;
    }

    /** Which emulated module the target carries (the profile's for a real module: nothing is known to be reduced). */
    public EmulatedModule moduleKind() { return moduleKind; }

    /** True for the emulated targets: faults can be injected and the module's insides observed. */
    public boolean emulated() { return chassis != null; }

    /**
     * What a host adds to an advertised duration before calling this target late: the host allowance, and for an
     * emulated target also the emulator's ({@link Settings#emulatorAllowance()}), since its module shares the machine.
     */
    public Duration allowance() {
        return emulated() ? Settings.allowance().plus(Settings.emulatorAllowance()) : Settings.allowance();
    }

    /** The emulated module (for fault injection); only on emulated targets. */
    public XpoModule module() {
        if (chassis == null) throw new IllegalStateException(name + " is a real module: nothing to inject faults into");
        return chassis.cage(1).module();
    }

    /** The emulated cage (plug/unplug, direct transfers as "another host"); only on emulated targets. */
    public Cage cage() {
        if (chassis == null) throw new IllegalStateException(name + " is a real module");
        return chassis.cage(1);
    }

    /**
     * Swaps the emulated module for a fresh one of the same configuration (unplug, plug): the quick way back to nominal
     * temperatures after a thermal fault, as a bench would let the module cool down. The cage's host pins stay.
     */
    public void replaceModule() {
        XpoModule old = module();
        XpoModule fresh = new XpoModule(old.config(), chassis.clock());
        chassis.cage(1).unplug();
        chassis.cage(1).plug(fresh);
        access.invalidate();
    }

    /** True when the target carries this sideband pin (always on the emulator; as wired in the pi4j URI). */
    public boolean wired(Pin pin) { return wired.contains(pin); }

    /** True when IntL (or IBIs) reach the host as events. */
    public boolean interruptEvents() { return wired(Pin.INT_L) && transport.hasInterruptEvents(); }

    /** True when the target is reached through the emulator link (a connection that can drop). */
    public boolean link() { return server != null; }

    /** True when I3C is available (the emulator speaks it; Linux offers no user-space I3C on a Pi). */
    public boolean i3c() { return transport.supportsI3c() && emulated(); }

    /**
     * A second connection to the same module that speaks I3C (dynamic address assigned, IBIs enabled): over the
     * link for tcp ({@code i3c+tcp://}), straight to the cage for embedded. The caller closes it.
     */
    public I3cTransport openI3c() {
        if (!i3c()) throw new IllegalStateException(name + " has no I3C");
        if (link()) return (I3cTransport) Transports.open("i3c+tcp://127.0.0.1:" + port + "/1");
        return I3cTransport.assign(new org.openxpo.driver.transport.InProcessTransport(chassis.cage(1), null, "i3c embedded"));
    }

    /** The link server's port (tcp only). */
    public int port() { return port; }

    /** Stops the link server: every connection drops (tcp only). */
    public void stopServer() {
        server.close();
    }

    /** Starts a new link server for the same chassis on the same port (tcp only). */
    public void startServer() {
        server = LinkServer.start(chassis, new InetSocketAddress("127.0.0.1", port), BusTiming.OFF);
    }

    /** Closes {@code c} with the target (e.g. a second connection a check opened). */
    public synchronized void closeLater(AutoCloseable c) { extras.add(c); }

    @Override
    public void close() {
        for (AutoCloseable c : extras) closeQuietly(c);
        closeQuietly(access);
        closeQuietly(transport);
        if (pi4jContext != null) closeQuietly(pi4jContext::shutdown);
        if (server != null) closeQuietly(server);
        if (chassis != null) closeQuietly(chassis);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // the run is over; nothing useful to do with a failure to release
        }
    }

    @Override
    public String toString() { return name; }
}
