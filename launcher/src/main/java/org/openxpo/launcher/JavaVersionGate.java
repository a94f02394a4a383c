package org.openxpo.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The Main-Class of {@code xpoctl.jar} and {@code xpo-emulator.jar}. It is compiled for Java 8, so {@code java -jar}
 * on a Java older than 21 prints one line saying what to install instead of an {@code UnsupportedClassVersionError};
 * on Java 21 or newer it hands over to the class the jar's manifest names in {@value #START_CLASS}.
 */
public final class JavaVersionGate {
    /** The Java the project is compiled for ({@code maven.compiler.release} of the other modules). */
    public static final int REQUIRED = 21;
    /** The exit code when the Java is too old: the program could not start. */
    public static final int TOO_OLD = 1;
    static final String START_CLASS = "Start-Class";

    private JavaVersionGate() {}

    public static void main(String[] args) throws Throwable {
        Manifest manifest = ownManifest();
        String program = manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_TITLE);
        String problem = problem(System.getProperty("java.specification.version"), System.getProperty("java.home"),
            program == null ? "OpenXPO" : program);
        if (problem != null) {
            System.err.println(problem);
            System.exit(TOO_OLD);
        }
        start(manifest.getMainAttributes().getValue(START_CLASS), args);
    }

    /** The one line for a Java that is too old, or null when {@code specVersion} is new enough (or unreadable). */
    static String problem(String specVersion, String javaHome, String program) {
        int major = major(specVersion);
        if (major < 0 || major >= REQUIRED) return null;
        return program + " needs Java " + REQUIRED + " or newer, but this is Java " + major + " (" + javaHome
            + "): install one (Debian, Raspberry Pi OS: sudo apt install openjdk-" + REQUIRED + "-jre-headless)"
            + " and run this jar with its java, or set JAVA_HOME to it and use the " + program + " launcher.";
    }

    /** The feature release of a {@code java.specification.version}: "1.8" is 8, "17" is 17; -1 when unreadable. */
    static int major(String specVersion) {
        if (specVersion == null) return -1;
        String feature = specVersion.startsWith("1.") ? specVersion.substring(2) : specVersion;
        int dot = feature.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? feature : feature.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Runs {@code className}'s {@code main} with {@code args}; what it throws comes out unwrapped. */
    static void start(String className, String[] args) throws Throwable {
        if (className == null) throw new IllegalStateException("the jar's manifest names no " + START_CLASS);
        try {
            Class.forName(className).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Manifest ownManifest() throws IOException, URISyntaxException {
        File jar = new File(JavaVersionGate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile file = new JarFile(jar)) {
            Manifest manifest = file.getManifest();
            return manifest == null ? new Manifest() : manifest;
        }
    }
}
