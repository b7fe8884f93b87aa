package dev.paxosref.trace.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paxosref.trace.format.TraceHeader;
import dev.paxosref.trace.format.TraceInputException;
import java.util.List;

/**
 * Writes the CONSTANTS section of a TLC .cfg file from a trace header. JSON arrays become sets, strings TLA+
 * strings; a constant the header leaves out becomes a model value of its own name, which is how {@code None} is set.
 * The conventions' overrides follow, as {@code Op <- Replacement}; the model module defines the replacements.
 */
public final class ModelConfig {
    private ModelConfig() {}

    public static String constantsSection(TraceHeader header, ModuleSignature signature,
                                          List<SpecConventions.Override> overrides) {
        requireDeclared(header, signature);
        StringBuilder cfg = new StringBuilder("CONSTANTS\n");
        for (String constant : signature.constants()) {
            JsonNode value = header.constants().get(constant);
            cfg.append("  ").append(constant).append(" = ")
                    .append(value == null ? constant : render(value, header, constant)).append('\n');
        }
        for (SpecConventions.Override override : overrides) {
            cfg.append("  ").append(override.operator()).append(" <- ").append(override.replacement()).append('\n');
        }
        return cfg.toString();
    }

    /** Every constant the header gives is one the module declares. */
    static void requireDeclared(TraceHeader header, ModuleSignature signature) {
        for (String given : header.constants().keySet()) {
            if (!signature.constants().contains(given)) {
                throw new TraceInputException(header.origin(),
                        "constant " + given + " is not declared by module " + signature.moduleName());
            }
        }
    }

    /** The definitions of the overrides' replacements, for the module the .cfg belongs to. */
    public static String overrideDefinitions(List<SpecConventions.Override> overrides) {
        StringBuilder tla = new StringBuilder();
        overrides.forEach(o -> tla.append(o.definition()).append('\n'));
        return tla.toString();
    }

    private static String render(JsonNode value, TraceHeader header, String constant) {
        if (value.isArray()) {
            StringBuilder set = new StringBuilder("{");
            for (JsonNode element : value) {
                set.append(set.length() > 1 ? ", " : "").append(render(element, header, constant));
            }
            return set.append('}').toString();
        }
        if (value.isTextual()) {
            return TlaText.quoted(value.asText());
        }
        if (value.isIntegralNumber() || value.isBoolean()) {
            return value.isBoolean() ? (value.asBoolean() ? "TRUE" : "FALSE") : value.asText();
        }
        throw cannotWrite(header, constant, value);
    }

    static TraceInputException cannotWrite(TraceHeader header, String constant, JsonNode value) {
        return new TraceInputException(header.origin(), "constant " + constant + ": " + value.getNodeType()
                + " values cannot be written in a TLC model");
    }
}
