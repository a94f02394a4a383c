package org.openxpo.dist;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.*;

/** The library artifacts leave the logging binding to their users: a NOS or a test picks its own. */
class LibraryDependenciesTest {
    @ParameterizedTest
    @ValueSource(strings = {"protocol", "emulator", "host-driver"})
    void noLoggingBindingReachesAUsersClassPath(String module) throws Exception {
        NodeList dependencies = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(Repo.root().resolve(module).resolve("pom.xml").toFile())
            .getDocumentElement().getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (!text(dependency, "artifactId").startsWith("slf4j-") || text(dependency, "artifactId").equals("slf4j-api")) continue;
            assertTrue(text(dependency, "optional").equals("true") || text(dependency, "scope").equals("test"),
                module + " passes " + text(dependency, "artifactId") + " on to its users");
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
