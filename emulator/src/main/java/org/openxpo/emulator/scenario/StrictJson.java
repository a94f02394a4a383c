package org.openxpo.emulator.scenario;

import org.openxpo.emulator.fault.Fault;
import org.openxpo.emulator.fault.FaultKinds;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON reader of the scenario files and the control API. Strict on purpose: a misspelt field, a duplicate key or a
 * string where a number belongs is an error naming the field, never silently ignored.
 */
public final class StrictJson {
    private StrictJson() {}

    public static final JsonMapper MAPPER = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

    /**
     * Reads {@code json}, which must be a JSON object, as a {@code type}; any problem is an
     * {@link IllegalArgumentException} naming the field. The text is parsed into a tree first, so that the syntax is
     * checked before any value is built and the messages can look at the whole object.
     */
    public static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) throw new IllegalArgumentException("the document is empty (a JSON object was expected)");
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
        if (tree.isNull()) throw new IllegalArgumentException("the document must be a JSON object, not null");
        if (!tree.isObject()) throw new IllegalArgumentException("the document must be an object");
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JacksonException e) {
            String unknown = unknownFaultField(e, tree);
            throw new IllegalArgumentException(unknown != null ? unknown : describe(e), e);
        }
    }

    /** One line saying what is wrong and where. */
    static String describe(JacksonException e) {
        String path = path(e.getPath());
        String fault = describeFault(e);
        if (fault != null) return fault;
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException bad) {
            return at(path, bad.getMessage());   // a record refused its values (a lane out of range, ...)
        }
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            for (Object k : u.getKnownPropertyIds()) known.add(String.valueOf(k));
            known.sort(null);
            return "unknown field '" + path + "'" + (known.isEmpty() ? "" : " (known here: " + String.join(", ", known) + ")");
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Trailing token")) return "bad JSON: there is more after the end of the document";
        if (e instanceof InputCoercionException c) {
            return at(path.isEmpty() ? "" : "field '" + path + "'", "the number is out of range for " + expectedKind(c.getTargetType()));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            String expected = "expected " + expectedKind(m.getTargetType());
            return path.isEmpty() ? "the document must be " + expectedKind(m.getTargetType()) : "field '" + path + "': " + expected;
        }
        String message = firstLine(e.getOriginalMessage());
        if (e instanceof StreamReadException) {
            String plain = JsonSyntax.plain(message);
            return e.getLocation() != null && e.getLocation().getLineNr() > 0 ? "bad JSON at line "
                + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + plain : "bad JSON: " + plain;
        }
        return path.isEmpty() ? "bad JSON: " + message : "field '" + path + "': " + message;
    }

    /**
     * The fault-specific messages: a missing or unknown kind, another kind's parameter, a missing parameter. Null when
     * {@code e} is not about a fault.
     */
    private static String describeFault(JacksonException e) {
        List<JacksonException.Reference> refs = e.getPath();
        if (e instanceof InvalidTypeIdException t && t.getBaseType() != null && t.getBaseType().hasRawClass(Fault.class)) {
            String known = String.join(", ", FaultKinds.names());
            return at(path(refs), t.getTypeId() == null ? "a fault needs a \"kind\" (one of " + known + ")"
                : "unknown fault kind '" + t.getTypeId() + "' (known: " + known + ")");
        }
        Class<?> type = faultType(refs);
        if (type == null) return null;
        String field = refs.getLast().getPropertyName();
        String where = path(refs.subList(0, refs.size() - 1));
        if (e instanceof UnrecognizedPropertyException) {
            return FaultKinds.isParameter(field) ? at(where, notApplicable(field, type)) : null;
        }
        if (missingParameter(e)) return at(where, "a " + FaultKinds.nameOf(type) + " fault needs field '" + field + "'");
        return null;
    }

    /**
     * Jackson checks a record's parameters before the fields it does not know, so a misspelt parameter would read as a
     * missing one ({@code "lane"} for {@code "lanes"}). The misspelling is the better message: look for it in the tree.
     */
    private static String unknownFaultField(JacksonException e, JsonNode tree) {
        List<JacksonException.Reference> refs = e.getPath();
        Class<?> type = faultType(refs);
        if (type == null || !missingParameter(e)) return null;
        List<JacksonException.Reference> upTo = refs.subList(0, refs.size() - 1);
        JsonNode node = tree;
        for (JacksonException.Reference r : upTo) node = r.getPropertyName() != null ? node.path(r.getPropertyName()) : node.path(r.getIndex());
        Set<String> takes = FaultKinds.parametersOf(type);
        for (String field : node.propertyNames()) {
            if (field.equals("kind") || takes.contains(field)) continue;
            String where = path(upTo);
            if (FaultKinds.isParameter(field)) return at(where, notApplicable(field, type));
            return "unknown field '" + (where.isEmpty() ? field : where + "." + field) + "'"
                + (takes.isEmpty() ? "" : " (known here: " + String.join(", ", takes) + ")");
        }
        return null;
    }

    /** The fault record type the innermost reference of {@code refs} points into, or null. */
    private static Class<?> faultType(List<JacksonException.Reference> refs) {
        Object from = refs.isEmpty() ? null : refs.getLast().from();
        Class<?> type = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
        return FaultKinds.isFaultType(type) ? type : null;
    }

    private static boolean missingParameter(JacksonException e) {
        String original = e.getOriginalMessage();
        return e instanceof MismatchedInputException && original != null && original.startsWith("Missing required creator property");
    }

    private static String notApplicable(String field, Class<?> type) {
        Set<String> takes = FaultKinds.parametersOf(type);
        return "field '" + field + "' does not apply to a " + FaultKinds.nameOf(type) + " fault"
            + (takes.isEmpty() ? " (it takes no parameters)" : " (it takes: " + String.join(", ", takes) + ")");
    }

    private static String at(String path, String message) { return path.isEmpty() ? message : path + ": " + message; }

    /** "cages.1.script[0].fault.kind" from Jackson's reference chain. */
    static String path(List<JacksonException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : refs) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String expectedKind(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) return "an integer";
        if (type == Double.class || type == double.class) return "a number";
        if (type == String.class) return "a string";
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "an array";
        if (type == Object.class) return "a value";
        return "an object";
    }

    private static String firstLine(String s) {
        if (s == null) return "malformed";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
