package dev.paxosref.trace.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates JSON against the subset of JSON Schema that trace-format.schema.json uses (type, const, required,
 * properties, additionalProperties, items, minimum, minLength, local $ref), so the schema file stays the single
 * statement of the rules without adding a schema library. An unsupported keyword in the schema is a build bug and
 * fails loudly in the tests that load it.
 */
public final class JsonSchemaSubset {

    /** One rule broken, at a JSON Pointer into the validated document. */
    public record Violation(String pointer, String problem) {}

    private static final List<String> SUPPORTED = List.of("$schema", "$id", "$ref", "$defs", "title", "description",
            "anyOf", "type", "const", "required", "properties", "additionalProperties", "items", "minimum",
            "minLength");

    /**
     * Where a value sits in the validated document, rendered as a JSON Pointer only when a rule is broken: building
     * pointer strings for every valid field would cost more than the validation itself.
     */
    private record Location(Location parent, String segment) {
        static final Location ROOT = new Location(null, "");

        Location child(String name) {
            return new Location(this, name);
        }

        String pointer() {
            return parent == null ? "" : parent.pointer() + "/" + segment;
        }
    }

    private final JsonNode root;
    private final Map<String, JsonNode> resolvedRefs = new java.util.concurrent.ConcurrentHashMap<>();

    public JsonSchemaSubset(JsonNode root) {
        this.root = root;
        rejectUnsupportedKeywords(root);
    }

    /** Validates {@code document} against the definition at {@code #/$defs/<definition>}; empty when it is valid. */
    public List<Violation> validate(JsonNode document, String definition) {
        List<Violation> violations = new ArrayList<>();
        check(document, root.path("$defs").path(definition), Location.ROOT, violations);
        return violations;
    }

    private void check(JsonNode value, JsonNode schema, Location at, List<Violation> out) {
        if (schema.has("$ref")) {
            check(value, resolve(schema.get("$ref").asText()), at, out);
        }
        if (schema.has("type") && !hasType(value, schema.get("type"))) {
            out.add(new Violation(at.pointer(),
                    "expected " + describe(schema.get("type")) + ", found " + JsonTypes.name(value)));
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            out.add(new Violation(at.pointer(), "must be " + schema.get("const") + ", found " + value));
        }
        if (schema.has("minimum") && value.isNumber() && value.asLong() < schema.get("minimum").asLong()) {
            out.add(new Violation(at.pointer(), "must be at least " + schema.get("minimum") + ", found " + value));
        }
        if (schema.has("minLength") && value.isTextual() && value.asText().length() < schema.get("minLength").asInt()) {
            out.add(new Violation(at.pointer(), "must not be empty"));
        }
        if (value.isObject()) {
            checkObject(value, schema, at, out);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), at.child(String.valueOf(i)), out);
            }
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, Location at, List<Violation> out) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                out.add(new Violation(at.pointer(), "missing required field \"" + required.asText() + "\""));
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            Location fieldAt = at.child(field.getKey());
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), fieldAt, out);
            } else if (additional.isBoolean() && !additional.asBoolean()) {
                out.add(new Violation(fieldAt.pointer(), "unknown field \"" + field.getKey() + "\""));
            } else if (additional.isObject()) {
                check(field.getValue(), additional, fieldAt, out);
            }
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException("only local $ref is supported: " + ref);
        }
        return resolvedRefs.computeIfAbsent(ref, r -> root.at(r.substring(1)));
    }

    private static boolean hasType(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (JsonTypes.name(value).equals(one.asText())) {
                    return true;
                }
            }
            return false;
        }
        return JsonTypes.name(value).equals(type.asText());
    }

    private static String describe(JsonNode type) {
        return type.isArray() ? "one of " + type : type.asText();
    }

    private static void rejectUnsupportedKeywords(JsonNode schema) {
        if (!schema.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            if (!SUPPORTED.contains(field.getKey())) {
                throw new IllegalStateException("schema keyword not supported by the validator: " + field.getKey());
            }
            boolean holdsSubschemas = List.of("$defs", "properties", "anyOf").contains(field.getKey());
            if (holdsSubschemas) {
                field.getValue().forEach(JsonSchemaSubset::rejectUnsupportedKeywords);
            } else if (field.getValue().isObject()) {
                rejectUnsupportedKeywords(field.getValue());
            }
        }
    }
}
