package org.openxpo.agent.gnmi;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openxpo.agent.gnmi.path.InvalidPathException;
import org.openxpo.agent.gnmi.path.PathStrings;
import org.openxpo.agent.gnmi.path.RequestPaths;
import org.openxpo.agent.gnmi.path.UnknownPathException;
import org.openxpo.agent.gnmi.tree.OcSchema;
import org.openxpo.agent.gnmi.tree.SchemaNode;
import org.openxpo.agent.gnmi.tree.TreeQuery;
import org.openxpo.agent.gnmi.tree.YangModule;

/** Path strings, request path checks, and the served schema against the augmentation module in the repo. */
class PathAndSchemaTest {

    @Test
    void pathStringsRoundTripWithEscapedKeysAndOrigin() {
        String s = "openconfig:/components/component[name=a\\]b]/transceiver/physical-channels/channel[index=*]/state";
        var p = PathStrings.parse(s);
        assertEquals("openconfig", p.getOrigin());
        assertEquals("a]b", p.getElem(1).getKeyMap().get("name"));
        assertEquals(s, PathStrings.format(p));
        assertEquals("/", PathStrings.format(PathStrings.parse("/")));
        assertEquals("/a[b=2][z=1]/c", PathStrings.format(PathStrings.parse("/a[z=1][b=2]/c")), "several keys are written sorted");
    }

    @Test
    void malformedPathStringsSayWhere() {
        InvalidPathException e = assertThrows(InvalidPathException.class, () -> PathStrings.parse("/a[k=v/b"));
        assertTrue(e.getMessage().contains("unclosed '['"), e.getMessage());
        assertThrows(InvalidPathException.class, () -> PathStrings.parse("/a//b"));
    }

    @Test
    void originsAreCheckedOnce() {
        var prefix = PathStrings.parse("openconfig:/components");
        assertEquals("/components/component", PathStrings.format(RequestPaths.join(prefix, PathStrings.parse("component"))));
        assertThrows(InvalidPathException.class, () -> RequestPaths.join(prefix, PathStrings.parse("openconfig:/component")));
        assertThrows(UnknownPathException.class, () -> RequestPaths.join(PathStrings.parse("/"), PathStrings.parse("sonic-db:/x")));
        assertThrows(InvalidPathException.class, () -> RequestPaths.join(PathStrings.parse("/"), PathStrings.parse("/*[k=1]")));
    }

    @Test
    void wildcardsAndQualifiedNamesReachServedNodes() {
        TreeQuery.checkServed(PathStrings.parse("/.../tx-failure"));
        TreeQuery.checkServed(PathStrings.parse("/components/*/transceiver/openxpo-platform-ext:xpo/state/leak-detected"));
        assertThrows(UnknownPathException.class, () -> TreeQuery.checkServed(PathStrings.parse("/.../no-such-leaf")));
        assertThrows(UnknownPathException.class,
            () -> TreeQuery.checkServed(PathStrings.parse("/components/component/transceiver/other-module:xpo")));
    }

    /** Every node the agent serves from the augmentation is declared in the YANG module clients are given. */
    @Test
    void theAugmentationModuleDeclaresEveryServedExtensionNode() throws Exception {
        String yang = Files.readString(Path.of("src/main/yang/openxpo-platform-ext.yang"));
        List<String> names = new ArrayList<>();
        collect(OcSchema.ROOT, names);
        assertTrue(names.containsAll(List.of("xpo", "xpo-lane", "xpo-thresholds", "coolant-flow-upper", "input-voltage-lower")),
            "the extension nodes include the XPO thresholds: " + names);
        for (String n : names) {
            assertTrue(yang.matches("(?s).*\\b(leaf|container|list) " + n + " \\{.*"), n + " is not in openxpo-platform-ext.yang");
        }
        assertTrue(yang.contains("revision " + YangModule.OPENXPO_EXT.version()), "Capabilities advertise the module's revision");
    }

    /** Where the agent hangs extension nodes under OpenConfig ones, the YANG module has an augment statement. */
    @Test
    void everyPlaceTheExtensionHangsIsAnAugmentTargetOfTheModule() throws Exception {
        String yang = Files.readString(Path.of("src/main/yang/openxpo-platform-ext.yang"));
        List<String> targets = new ArrayList<>();
        var augment = java.util.regex.Pattern.compile("augment ((?:\"[^\"]*\"\\s*\\+?\\s*)+)\\{").matcher(yang);
        while (augment.find()) {
            targets.add(augment.group(1).replaceAll("\"\\s*\\+\\s*\"", "").replace("\"", "").trim()
                .replaceAll("[a-z-]+:", ""));
        }
        List<String> points = new ArrayList<>();
        augmentPoints(OcSchema.ROOT, "", points);
        assertEquals(List.of("/components/component/transceiver/physical-channels/channel/state",
            "/components/component/transceiver/thresholds/threshold/state",
            "/components/component/transceiver"), points, "the served augment points");
        for (String p : points) assertTrue(targets.contains(p), p + " is not augmented in the module: " + targets);
    }

    private static void augmentPoints(List<SchemaNode> nodes, String parent, List<String> out) {
        for (SchemaNode n : nodes) {
            if (n.module() == YangModule.OPENXPO_EXT) {
                if (!out.contains(parent)) out.add(parent);
            } else {
                augmentPoints(n.children(), parent + "/" + n.name(), out);
            }
        }
    }

    private static void collect(List<SchemaNode> nodes, List<String> out) {
        for (SchemaNode n : nodes) {
            if (n.module() == YangModule.OPENXPO_EXT) out.add(n.name());
            collect(n.children(), out);
        }
    }
}
