package org.openxpo.dist;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** What the build tells a user with a too old JDK must be something they can do. */
class BuildInstructionsTest {
    @Test
    void theEnforcersWayOutNamesFilesThatExist() throws Exception {
        String pom = Files.readString(Repo.root().resolve("pom.xml"));
        Matcher message = Pattern.compile("<requireJavaVersion>.*?<message>(.*?)</message>", Pattern.DOTALL).matcher(pom);
        assertTrue(message.find(), "the enforcer has a message for an old JDK");
        Matcher paths = Pattern.compile("(?:\\./|scripts/)[\\w.-]*[\\w-]").matcher(message.group(1));
        int named = 0;
        while (paths.find()) {
            named++;
            assertTrue(Files.exists(Repo.root().resolve(paths.group())), paths.group() + " named by the enforcer is missing");
        }
        assertTrue(named > 0, "the message names a script to run: " + message.group(1));
    }
}
