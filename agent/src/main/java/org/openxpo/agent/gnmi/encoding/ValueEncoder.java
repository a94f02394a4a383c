package org.openxpo.agent.gnmi.encoding;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Set;
import org.openxpo.agent.gnmi.proto.Encoding;
import org.openxpo.agent.gnmi.proto.TypedValue;
import org.openxpo.agent.gnmi.tree.LeafValue;
import org.openxpo.agent.gnmi.tree.SchemaNode;
import org.openxpo.agent.gnmi.tree.TreeQuery;
import org.openxpo.agent.gnmi.tree.YangModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes leaves and subtrees in the encodings the agent offers. JSON: plain member names, numbers as numbers,
 * identities by bare name. JSON_IETF (RFC 7951): member names qualified with their module where the module changes
 * (always at the top), decimal64 and 64-bit integers as strings, identities as "module:NAME". PROTO: one scalar per
 * leaf, decimal64 as double_val; a subtree is sent leaf by leaf.
 */
public final class ValueEncoder {
    /** The encodings the agent offers, as Capabilities lists them. */
    public static final List<Encoding> SUPPORTED = List.of(Encoding.JSON, Encoding.JSON_IETF, Encoding.PROTO);

    private static final Set<Encoding> SUPPORTED_SET = Set.copyOf(SUPPORTED);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Encoding encoding;

    private ValueEncoder(Encoding encoding) { this.encoding = encoding; }

    /** The encoder for {@code encoding}; throws {@link UnsupportedEncodingException} for BYTES, ASCII or unknown values. */
    public static ValueEncoder of(Encoding encoding) {
        if (!SUPPORTED_SET.contains(encoding)) {
            throw new UnsupportedEncodingException("encoding " + encoding + " is not supported; the agent offers " + SUPPORTED);
        }
        return new ValueEncoder(encoding);
    }

    /** True when a subtree can be one value (JSON, JSON_IETF); PROTO sends leaves only. */
    public boolean carriesSubtrees() { return encoding != Encoding.PROTO; }

    /** One leaf's value. */
    public TypedValue leaf(LeafValue v) {
        return switch (encoding) {
            case PROTO -> proto(v);
            case JSON -> TypedValue.newBuilder().setJsonVal(bytes(json(v, false))).build();
            case JSON_IETF -> TypedValue.newBuilder().setJsonIetfVal(bytes(json(v, true))).build();
            default -> throw new IllegalStateException("checked in of(): " + encoding);
        };
    }

    /** The subtree under {@code node} as one JSON object (empty containers and lists left out). */
    public TypedValue subtree(TreeQuery.Node node) {
        boolean ietf = encoding == Encoding.JSON_IETF;
        JsonNode tree = object(node, ietf);
        return ietf ? TypedValue.newBuilder().setJsonIetfVal(bytes(tree)).build()
            : TypedValue.newBuilder().setJsonVal(bytes(tree)).build();
    }

    private static ObjectNode object(TreeQuery.Node node, boolean ietf) {
        ObjectNode out = NODES.objectNode();
        YangModule here = node.schema().module();
        for (TreeQuery.Node child : TreeQuery.children(node)) {
            SchemaNode s = child.schema();
            String name = ietf && s.module() != here ? s.module().yangName() + ":" + s.name() : s.name();
            JsonNode value = switch (s) {
                case SchemaNode.Leaf leaf -> {
                    LeafValue v = leaf.value().apply(child.scope());
                    yield v == null ? null : json(v, ietf);
                }
                case SchemaNode.ListNode ignored -> object(child, ietf);
                case SchemaNode.Container ignored -> object(child, ietf);
            };
            if (value == null || value.isEmpty() && value.isContainer()) continue;
            if (s instanceof SchemaNode.ListNode) {
                JsonNode list = out.get(name);
                (list == null ? out.putArray(name) : (ArrayNode) list).add(value);
            } else {
                out.set(name, value);
            }
        }
        return out;
    }

    private static JsonNode json(LeafValue v, boolean ietf) {
        return switch (v) {
            case LeafValue.Text t -> NODES.stringNode(t.value());
            case LeafValue.Flag f -> NODES.booleanNode(f.value());
            case LeafValue.Unsigned u -> ietf && u.wide() ? NODES.stringNode(Long.toUnsignedString(u.value()))
                : NODES.numberNode(u.value());
            case LeafValue.Decimal d -> ietf ? NODES.stringNode(d.value().toPlainString()) : NODES.numberNode(d.value());
            case LeafValue.Identity id -> NODES.stringNode(ietf ? id.module().yangName() + ":" + id.name() : id.name());
            case LeafValue.Enumeration e -> NODES.stringNode(e.name());
        };
    }

    private static TypedValue proto(LeafValue v) {
        TypedValue.Builder b = TypedValue.newBuilder();
        return switch (v) {
            case LeafValue.Text t -> b.setStringVal(t.value()).build();
            case LeafValue.Flag f -> b.setBoolVal(f.value()).build();
            case LeafValue.Unsigned u -> b.setUintVal(u.value()).build();
            case LeafValue.Decimal d -> b.setDoubleVal(d.value().doubleValue()).build();
            case LeafValue.Identity id -> b.setStringVal(id.name()).build();
            case LeafValue.Enumeration e -> b.setStringVal(e.name()).build();
        };
    }

    private static ByteString bytes(JsonNode n) { return ByteString.copyFrom(MAPPER.writeValueAsBytes(n)); }
}
