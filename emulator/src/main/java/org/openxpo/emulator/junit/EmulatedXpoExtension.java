package org.openxpo.emulator.junit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.emulator.control.ControlServer;
import org.openxpo.emulator.link.BusTiming;
import org.openxpo.emulator.link.LinkServer;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.emulator.scenario.Scenario;
import org.openxpo.protocol.link.LinkLimits;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The engine behind {@link EmulatedXpo}: builds an {@link XpoTestbed} before each test, resolves it as a parameter
 * (of the test method or of {@code @BeforeEach}/{@code @AfterEach} methods) and closes it after the test.
 */
public final class EmulatedXpoExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EmulatedXpoExtension.class);
    private static final String KEY = "testbed";

    @Override
    public void beforeEach(ExtensionContext context) {
        EmulatedXpo settings = settings(context);
        context.getStore(NS).put(KEY, start(settings));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        XpoTestbed testbed = context.getStore(NS).remove(KEY, XpoTestbed.class);
        if (testbed != null) testbed.close();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == XpoTestbed.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        XpoTestbed testbed = context.getStore(NS).get(KEY, XpoTestbed.class);
        if (testbed == null) {
            throw new ParameterResolutionException("an XpoTestbed exists only around a test method (@BeforeEach, "
                + "@Test, @AfterEach), not in @BeforeAll or constructors");
        }
        return testbed;
    }

    static XpoTestbed start(EmulatedXpo s) {
        if (s.cages() < 1 || s.cages() > LinkLimits.MAX_CAGES)
            throw new ExtensionConfigurationException("@EmulatedXpo(cages = " + s.cages() + "): use 1-" + LinkLimits.MAX_CAGES);
        ModuleConfig.Timing timing = switch (s.timing()) {
            case "fast" -> ModuleConfig.Timing.fast();
            case "default" -> ModuleConfig.Timing.defaults();
            default -> throw new ExtensionConfigurationException(
                "@EmulatedXpo(timing = \"" + s.timing() + "\"): use \"fast\" or \"default\"");
        };
        Scenario scenario = s.scenario().isEmpty() ? null : loadScenario(s.scenario());
        EmulatorClock clock = s.virtualClock() ? new VirtualClock() : EmulatorClock.system();
        EmulatedChassis chassis = new EmulatedChassis(s.cages(), clock, n -> ModuleConfig.builder()
            .serialNumber(EmulatedChassis.serial(n)).seed(s.seed() + n - 1).timing(timing).build());
        LinkServer link = null;
        ControlServer control = null;
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try {
            if (s.link()) link = LinkServer.start(chassis, loopback, BusTiming.OFF);
            if (s.control()) control = ControlServer.start(chassis, loopback, null, link);
            XpoTestbed testbed = new XpoTestbed(chassis, link, control);
            if (scenario != null) testbed.apply(scenario);
            return testbed;
        } catch (RuntimeException e) {
            if (control != null) control.close();
            if (link != null) link.close();
            chassis.close();
            throw e;
        }
    }

    private static Scenario loadScenario(String where) {
        String resource = where.startsWith("/") ? where : "/" + where;
        try (InputStream in = EmulatedXpoExtension.class.getResourceAsStream(resource)) {
            if (in != null) return Scenario.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ExtensionConfigurationException("cannot read scenario resource " + resource, e);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("scenario " + resource + ": " + e.getMessage(), e);
        }
        try {
            return Scenario.read(Path.of(where));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage()
                + " (@EmulatedXpo(scenario) is a class-path resource or a file path)", e);
        }
    }

    /** The method's annotation, else the class's, else an enclosing class's (for @Nested tests). */
    private static EmulatedXpo settings(ExtensionContext context) {
        EmulatedXpo onMethod = find(context.getRequiredTestMethod());
        if (onMethod != null) return onMethod;
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            EmulatedXpo onClass = find(c);
            if (onClass != null) return onClass;
        }
        return Defaults.class.getAnnotation(EmulatedXpo.class);
    }

    private static EmulatedXpo find(AnnotatedElement e) { return e.getAnnotation(EmulatedXpo.class); }

    /** Carries the annotation's defaults for tests that register the extension with @ExtendWith only. */
    @EmulatedXpo
    private static final class Defaults {}
}
