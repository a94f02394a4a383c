package org.openxpo.agent.dashboard;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The dashboard's files as the agent's jar carries them: what the page names is there, and nothing is fetched late. */
class DashboardAssetsTest {

    private static String indexHtml() throws IOException {
        try (InputStream in = DashboardAssetsTest.class.getClassLoader().getResourceAsStream("dashboard/index.html")) {
            assertNotNull(in, "dashboard/index.html is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> matches(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.results().map(r -> r.group(1)).toList();
    }

    @Test
    void theWebJarFilesThePageNamesAreOnTheClassPathAtThePomsUplotVersion() throws IOException {
        List<String> webjars = matches(indexHtml(), "\"(webjars/[^\"]+)\"");
        assertEquals(2, webjars.size(), "uPlot's script and style sheet: " + webjars);
        for (String file : webjars) {
            assertFalse(file.contains("${"), "index.html was not filtered: " + file);
            assertNotNull(getClass().getClassLoader().getResource("META-INF/resources/" + file), file + " is not in a WebJar");
        }
    }

    @Test
    void thePagePreloadsEveryOneOfItsScriptModulesSoTheyLoadInOneRoundTrip() throws IOException, URISyntaxException {
        Path js = Path.of(getClass().getClassLoader().getResource("dashboard/js/main.js").toURI()).getParent();
        Set<String> modules;
        try (Stream<Path> files = Files.list(js)) {
            modules = files.map(p -> "js/" + p.getFileName()).filter(n -> !n.equals("js/main.js"))
                .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(modules, new TreeSet<>(matches(indexHtml(), "rel=\"modulepreload\" href=\"([^\"]+)\"")));
    }
}
