package org.openxpo.agent.core;

import org.openxpo.driver.transport.TargetUri;

import java.util.regex.Pattern;

/**
 * One module the agent watches: a name (the {@code module} label, the REST path segment, the gNMI component) and the
 * target URI the driver opens ({@code tcp://HOST:PORT/CAGE}, {@code pi4j://…}, {@code embedded?…}).
 */
public record ModuleSpec(String name, String target) {
    /** Names appear in URLs, label values and gNMI keys: keep them to characters none of those needs to escape. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public ModuleSpec {
        if (name == null || !NAME.matcher(name).matches())
            throw new IllegalArgumentException("module name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-'"
                + " starting with a letter or digit");
        TargetUri.parse(target); // a clear message now rather than a poll error later
    }

    /** The name a target gets when none is given: {@code cage3} for {@code tcp://host:9450/3}. */
    public static ModuleSpec unnamed(String target) {
        TargetUri uri = TargetUri.parse(target);
        String name = switch (uri.kind()) {
            case LINK_I2C, LINK_I3C, EMBEDDED -> "cage" + uri.cage();
            case PI4J -> "i2c" + uri.bus() + "-" + Integer.toHexString(uri.address());
        };
        return new ModuleSpec(name, target);
    }
}
