package org.openxpo.agent.gnmi.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openxpo.agent.gnmi.path.InvalidPathException;
import org.openxpo.agent.gnmi.path.PathStrings;
import org.openxpo.agent.gnmi.path.UnknownPathException;
import org.openxpo.agent.gnmi.proto.Path;
import org.openxpo.agent.gnmi.proto.PathElem;

/**
 * Finds the data a gNMI path names in the served tree. A path may use {@code *} for one element, {@code ...} for any
 * number of them, {@code [key=*]} or no key for every list entry. Values are computed only for the nodes a path
 * reaches, so a narrow subscription over a large chassis costs little.
 */
public final class TreeQuery {
    private static final SchemaNode ROOT = new SchemaNode.Container("", null, OcSchema.ROOT);
    private static final String ANY = "*", ANY_DEPTH = "...";

    private TreeQuery() {}

    /** A concrete node of the data tree: its path (every key filled in), its declaration and its scope. */
    public record Node(Path path, SchemaNode schema, Scope scope) {}

    /** One leaf with a value. */
    public record LeafData(Path path, LeafValue value) {
        /** The path as a string, the identity of the leaf in a stream. */
        public String key() { return PathStrings.format(path); }
    }

    /**
     * Checks that {@code pattern} can name something the agent serves, whatever the modules: a name the models do
     * not have throws {@link UnknownPathException}, keys on a node that is not a list or a key a list does not have
     * throw {@link InvalidPathException}.
     */
    public static void checkServed(Path pattern) {
        if (!served(pattern.getElemList(), 0, ROOT)) {
            throw new UnknownPathException("no served node matches " + PathStrings.format(pattern));
        }
    }

    /** The data nodes {@code pattern} names in the tree of {@code root}, in tree order, each once. */
    public static List<Node> find(Path pattern, Scope root) {
        Map<String, Node> found = new LinkedHashMap<>();
        match(pattern.getElemList(), 0, new Node(Path.getDefaultInstance(), ROOT, root), found);
        return List.copyOf(found.values());
    }

    /** Every leaf with a value at or below {@code node}. */
    public static void leaves(Node node, Consumer<LeafData> out) {
        if (node.schema() instanceof SchemaNode.Leaf leaf) {
            LeafValue v = leaf.value().apply(node.scope());
            if (v != null) out.accept(new LeafData(node.path(), v));
            return;
        }
        for (Node child : children(node)) leaves(child, out);
    }

    /** The concrete children of a container or list entry: each list expanded to its entries. */
    public static List<Node> children(Node node) {
        List<Node> out = new ArrayList<>();
        for (SchemaNode c : node.schema().children()) {
            if (c instanceof SchemaNode.ListNode list) {
                for (SchemaNode.Entry e : list.entries().apply(node.scope())) out.add(entry(node, list, e));
            } else if (there(c, node.scope())) {
                out.add(new Node(append(node.path(), PathElem.newBuilder().setName(c.name()).build()), c, node.scope()));
            }
        }
        return out;
    }

    private static void match(List<PathElem> pattern, int i, Node node, Map<String, Node> out) {
        if (i == pattern.size()) {
            out.putIfAbsent(PathStrings.format(node.path()), node);
            return;
        }
        PathElem e = pattern.get(i);
        if (e.getName().equals(ANY_DEPTH)) {
            if (i == pattern.size() - 1) {
                out.putIfAbsent(PathStrings.format(node.path()), node);
                return;
            }
            match(pattern, i + 1, node, out);
            for (Node child : children(node)) match(pattern, i, child, out);
            return;
        }
        for (SchemaNode c : node.schema().children()) {
            if (!names(e, c) || !keysFit(e, c)) continue;
            if (c instanceof SchemaNode.ListNode list) {
                String wanted = e.getKeyMap().getOrDefault(list.key(), ANY);
                for (SchemaNode.Entry entry : list.entries().apply(node.scope())) {
                    if (wanted.equals(ANY) || wanted.equals(entry.key())) match(pattern, i + 1, entry(node, list, entry), out);
                }
            } else if (there(c, node.scope())) {
                match(pattern, i + 1, new Node(append(node.path(), PathElem.newBuilder().setName(c.name()).build()), c,
                    node.scope()), out);
            }
        }
    }

    private static boolean served(List<PathElem> pattern, int i, SchemaNode node) {
        if (i == pattern.size()) return true;
        PathElem e = pattern.get(i);
        if (e.getName().equals(ANY_DEPTH)) {
            if (served(pattern, i + 1, node)) return true;
            for (SchemaNode c : node.children()) if (served(pattern, i, c)) return true;
            return false;
        }
        for (SchemaNode c : node.children()) {
            if (names(e, c) && keysFit(e, c) && served(pattern, i + 1, c)) return true;
        }
        return false;
    }

    /** The element names the node: "*", its name, or its name qualified with its module ("openxpo-platform-ext:xpo"). */
    private static boolean names(PathElem e, SchemaNode c) {
        String n = e.getName();
        return n.equals(ANY) || n.equals(c.name()) || n.endsWith(":" + c.name()) && c.module() != null
            && n.equals(c.module().yangName() + ":" + c.name());
    }

    /** Keys fit a list that has them; on a named node that cannot take them they are an error, under '*' a miss. */
    private static boolean keysFit(PathElem e, SchemaNode c) {
        if (e.getKeyCount() == 0) return true;
        boolean fits = c instanceof SchemaNode.ListNode list && e.getKeyCount() == 1 && e.containsKey(list.key());
        if (!fits && !e.getName().equals(ANY)) {
            throw new InvalidPathException(c instanceof SchemaNode.ListNode list
                ? "list '" + c.name() + "' is keyed by '" + list.key() + "' only, not " + e.getKeyMap().keySet()
                : "'" + c.name() + "' is not a list and takes no keys");
        }
        return fits;
    }

    /** False for a container that does not exist in {@code scope}; leaves say so by having no value. */
    private static boolean there(SchemaNode c, Scope scope) {
        return !(c instanceof SchemaNode.Container container) || container.exists().test(scope);
    }

    private static Node entry(Node parent, SchemaNode.ListNode list, SchemaNode.Entry e) {
        PathElem elem = PathElem.newBuilder().setName(list.name()).putKey(list.key(), e.key()).build();
        return new Node(append(parent.path(), elem), list, e.scope());
    }

    private static Path append(Path p, PathElem e) { return p.toBuilder().addElem(e).build(); }
}
