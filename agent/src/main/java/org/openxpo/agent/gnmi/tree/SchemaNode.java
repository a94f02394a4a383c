package org.openxpo.agent.gnmi.tree;

import java.util.List;
import java.util.function.Function;

/**
 * One node of the served YANG tree, declared once: its name, the module it belongs to, and how its data is found in
 * a {@link Scope}. The same declaration validates paths (schema only) and yields values (with a scope).
 */
public sealed interface SchemaNode {
    String name();

    YangModule module();

    /** A container: children only. */
    record Container(String name, YangModule module, List<SchemaNode> children) implements SchemaNode {}

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
