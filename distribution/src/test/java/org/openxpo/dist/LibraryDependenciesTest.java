package org.openxpo.dist;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The library artifacts leave the logging binding to their users (a NOS or a test picks its own), and the driver a NOS
 * embeds pulls none of the agent's server pieces.
 */
class LibraryDependenciesTest {
    @ParameterizedTest
    @ValueSource(strings = {"protocol", "http", "emulator", "host-driver"})
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

    /**
     * No gRPC, protobuf, metrics library, HTTP server code or the agent among what the driver and its protocol hand on
     * to a user's build (their compile and runtime dependencies that are not optional; theirs in turn are Netty's
     * transport, Pi4J, Jackson, picocli and SLF4J, none of which pulls a server piece).
     */
    @ParameterizedTest
    @ValueSource(strings = {"protocol", "host-driver"})
    void theDriverLibraryPassesOnNoServerDependency(String module) throws Exception {
        NodeList dependencies = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(Repo.root().resolve(module).resolve("pom.xml").toFile())
            .getDocumentElement().getElementsByTagName("dependency");
        int inherited = 0;
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element d = (Element) dependencies.item(i);
            if (text(d, "optional").equals("true") || text(d, "scope").equals("test") || text(d, "scope").equals("provided")) continue;
            inherited++;
            String group = text(d, "groupId"), artifact = text(d, "artifactId");
            assertFalse(group.equals("io.grpc") || group.equals("com.google.protobuf") || group.equals("io.prometheus")
                    || artifact.equals("xpo-agent") || artifact.equals("xpo-http") || artifact.startsWith("netty-codec-http"),
                module + " passes the server dependency " + group + ":" + artifact + " on to a NOS that embeds the driver");
        }
        assertTrue(inherited > 0, "read " + module + "'s dependencies");
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
