package org.openxpo.dist;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** scripts/jdk.sh, which every launcher sources, against fake Java installations. */
class JavaFinderTest {
    @TempDir Path jvms;
    @TempDir Path tools;

    /** {@code javaHome} and {@code major}: JAVA_HOME and OPENXPO_JAVA_MAJOR as jdk.sh exports them. */
    record Outcome(int status, String javaHome, String major, String stderr) {}

    @BeforeEach
    void pathWithoutJava() throws IOException {
        // the finder's own tools, and no java: only the fakes below can be found
        for (String tool : List.of("sed", "head", "cut", "dirname", "readlink", "basename")) {
            Files.createSymbolicLink(tools.resolve(tool), Path.of("/usr/bin", tool));
        }
    }

    @Test
    void aJreIsEnoughToRun() throws Exception {
        Path jre = fakeJava("jre-21", 21, false);
        Outcome found = find("jre", null);
        assertEquals(0, found.status(), found.stderr());
        assertEquals(jre.toString(), found.javaHome());
        assertEquals("21", found.major(), "asked the java itself: no release file");
    }

    @Test
    void theReleaseFileGivesTheVersionWithoutStartingJava() throws Exception {
        fakeJava("jdk-21", 21, true);
        Path newest = unrunnableJavaWithRelease("jdk-25", "25.0.1");
        Outcome found = find("jdk", null);
        assertEquals(0, found.status(), found.stderr());
        assertEquals(newest.toString(), found.javaHome());
        assertEquals("25", found.major());
    }

    @Test
    void anOldReleaseFileIsPassedOver() throws Exception {
        Path jdk = fakeJava("jdk-21", 21, true);
        unrunnableJavaWithRelease("jdk-17", "17.0.15");
        unrunnableJavaWithRelease("jdk-8", "1.8.0_402");
        Outcome found = find("jdk", null);
        assertEquals(jdk.toString(), found.javaHome());
        assertEquals("21", found.major());
    }

    @Test
    void buildingNeedsAJdkAndSaysSoInOneLine() throws Exception {
        fakeJava("jre-21", 21, false);
        Outcome none = find("jdk", null);
        assertEquals(1, none.status());
        assertEquals(1, none.stderr().lines().count(), none.stderr());
        assertTrue(none.stderr().contains("needs a JDK 21 or newer to build"), none.stderr());
        assertTrue(none.stderr().contains("sudo apt install openjdk-21-jdk-headless"), none.stderr());
    }

    @Test
    void noJavaAtAllNamesThePackageToInstall() throws Exception {
        fakeJava("java-17", 17, true);
        Outcome none = find("jre", null);
        assertEquals(1, none.status());
        assertEquals(1, none.stderr().lines().count(), none.stderr());
        assertTrue(none.stderr().contains("needs a Java 21 or newer (a JRE is enough)"), none.stderr());
        assertTrue(none.stderr().contains("sudo apt install openjdk-21-jre-headless"), none.stderr());
    }

    @Test
    void anOldJavaHomeGivesWayToTheNewestInstalled() throws Exception {
        Path old = fakeJava("java-17", 17, true);
        fakeJava("jdk-21", 21, true);
        Path newest = fakeJava("jdk-25", 25, true);
        assertEquals(newest.toString(), find("jdk", old).javaHome());
    }

    @Test
    void aGoodJavaHomeWins() throws Exception {
        Path chosen = fakeJava("jdk-21", 21, true);
        fakeJava("jdk-25", 25, true);
        assertEquals(chosen.toString(), find("jdk", chosen).javaHome());
    }

    private Path fakeJava(String name, int release, boolean withJavac) throws IOException {
        Path home = jvms.resolve(name);
        Path bin = Files.createDirectories(home.resolve("bin"));
        executable(bin.resolve("java"), "#!/bin/sh\necho '    java.specification.version = " + release + "' >&2\n");
        if (withJavac) executable(bin.resolve("javac"), "#!/bin/sh\nexit 0\n");
        return home;
    }

    /** A JDK whose java cannot start here (as a binary of another architecture), with its release file. */
    private Path unrunnableJavaWithRelease(String name, String javaVersion) throws IOException {
        Path home = jvms.resolve(name);
        Path bin = Files.createDirectories(home.resolve("bin"));
        executable(bin.resolve("java"), "#!/bin/sh\necho 'cannot execute binary file' >&2\nexit 126\n");
        executable(bin.resolve("javac"), "#!/bin/sh\nexit 126\n");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Fake\"\nJAVA_VERSION=\"" + javaVersion
            + "\"\nJAVA_VERSION_DATE=\"2026-01-20\"\n", StandardCharsets.UTF_8);
        return home;
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Outcome find(String kind, Path javaHome) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "-c",
            "OPENXPO_JAVA=" + kind + "; . \"$1\" && echo \"$JAVA_HOME\" && echo \"$OPENXPO_JAVA_MAJOR\"", "launcher", Repo.root().resolve("scripts/jdk.sh").toString());
        builder.environment().clear();
        builder.environment().put("PATH", tools.toString());
        builder.environment().put("OPENXPO_JVM_DIR", jvms.toString());
        if (javaHome != null) builder.environment().put("JAVA_HOME", javaHome.toString());
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "jdk.sh did not finish");
        List<String> out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(process.exitValue(), out.isEmpty() ? "" : out.get(0), out.size() < 2 ? "" : out.get(1), err);
    }
}
