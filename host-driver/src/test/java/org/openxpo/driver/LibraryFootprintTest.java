package org.openxpo.driver;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A NOS that embeds the driver library must not pull the agent's server pieces: no gRPC, protobuf, metrics library,
 * HTTP server code or the agent itself among what the driver (and the protocol it brings) hands on to a user's
 * build — their compile and runtime dependencies that are not optional.
 */
class LibraryFootprintTest {
    static final Set<String> SERVER_GROUPS = Set.of("io.grpc", "com.google.protobuf", "io.prometheus");
    static final Set<String> SERVER_ARTIFACTS = Set.of("xpo-agent", "xpo-http", "netty-codec-http", "netty-codec-http2");

    /** "group:artifact" of the dependencies {@code pom} passes on to its users. */
    static List<String> inherited(Path pom) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        NodeList deps = ((Element) doc.getDocumentElement().getElementsByTagName("dependencies").item(0))
            .getElementsByTagName("dependency");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            String scope = text(d, "scope"), optional = text(d, "optional");
            if ("test".equals(scope) || "provided".equals(scope) || "true".equals(optional)) continue;
            out.add(text(d, "groupId") + ":" + text(d, "artifactId"));
        }
        return out;
    }

    static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().trim();
    }

    @Test
    void theDriverAndItsProtocolPassOnNoServerDependency() throws Exception {
        List<String> deps = new ArrayList<>(inherited(Path.of("pom.xml")));
        assertTrue(deps.contains("org.openxpo:xpo-protocol"), "reads the driver's own pom: " + deps);
        deps.addAll(inherited(Path.of("../protocol/pom.xml")));
        List<String> server = deps.stream().filter(d -> SERVER_GROUPS.contains(d.split(":")[0])
            || SERVER_ARTIFACTS.contains(d.split(":")[1])).toList();
        assertEquals(List.of(), server, "server dependencies a NOS embedding the driver would pull");
    }
}
