package org.openxpo.emulator.scenario;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

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

    /** Reads {@code json} as a {@code type}; any problem is an {@link IllegalArgumentException} naming the field. */
    public static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) throw new IllegalArgumentException("the document is empty (a JSON object was expected)");
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) throw new IllegalArgumentException("the document must be a JSON object, not null");
            return value;
        } catch (JacksonException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
    }

    /** One line saying what is wrong and where. */
    static String describe(JacksonException e) {
        String path = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            for (Object k : u.getKnownPropertyIds()) known.add(String.valueOf(k));
            known.sort(null);
            return "unknown field '" + path + "'" + (known.isEmpty() ? "" : " (known here: " + String.join(", ", known) + ")");
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Trailing token")) return "bad JSON: there is more after the end of the document";
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            String expected = "expected " + expectedKind(m.getTargetType());
            return path.isEmpty() ? "the document must be " + expectedKind(m.getTargetType()) : "field '" + path + "': " + expected;
        }
        String message = firstLine(e.getOriginalMessage());
        if (e instanceof StreamReadException && e.getLocation() != null) {
            return "bad JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                + ": " + message;
        }
        return path.isEmpty() ? "bad JSON: " + message : "field '" + path + "': " + message;
    }

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
