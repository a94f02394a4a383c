package org.openxpo.agent.gnmi.tree;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One node of the served YANG tree, declared once: its name, the module it belongs to, and how its data is found in
 * a {@link Scope}. The same declaration validates paths (schema only) and yields values (with a scope).
 */
public sealed interface SchemaNode {
    String name();

    YangModule module();

    /**
     * A container: children only. {@code exists} says in which scopes it is there at all (the transceiver subtree
     * is in a TRANSCEIVER component, not in a SENSOR one); the schema has it whatever the scope.
     */
    record Container(String name, YangModule module, List<SchemaNode> children, Predicate<Scope> exists)
        implements SchemaNode {

        /** A container present in every scope its parent is in. */
        public Container(String name, YangModule module, List<SchemaNode> children) { this(name, module, children, s -> true); }
    }

    /**
     * A list keyed by one leaf; {@code entries} gives each entry's key value and scope.
     */
    record ListNode(String name, YangModule module, String key, Function<Scope, List<Entry>> entries,
                    List<SchemaNode> children) implements SchemaNode {}

    /** A leaf; {@code value} answers null when the scope has no value for it (the leaf is then absent). */
    record Leaf(String name, YangModule module, Function<Scope, LeafValue> value) implements SchemaNode {}

    /** One list entry: its key value and the scope its children are evaluated in. */
    record Entry(String key, Scope scope) {}

    /** The children of a container or list (the records' own accessors); none for a leaf. */
    default List<SchemaNode> children() { return List.of(); }
}
