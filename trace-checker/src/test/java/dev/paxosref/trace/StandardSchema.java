package dev.paxosref.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The published schema loaded by a maintained validator (networknt's, draft 2020-12), as an implementer would. */
final class StandardSchema {
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    static final JsonNode JSON = read();
    static final Schema HEADER = definition("header");
    static final Schema EVENT = definition("event");
    static final Schema SET_CHANGE = definition("setChange");

    private StandardSchema() {}

    /** The schema for line {@code lineNumber} (from 1) of a trace file. */
    static Schema forLine(int lineNumber) {
        return lineNumber == 1 ? HEADER : EVENT;
    }

    /** The schema with its root replaced by a reference to one definition: a header line, an event line, .... */
    private static Schema definition(String name) {
        ObjectNode copy = JSON.deepCopy();
        copy.remove("anyOf");
        copy.put("$ref", "#/$defs/" + name);
        return REGISTRY.getSchema(copy);
    }

    private static JsonNode read() {
        try (InputStream in = StandardSchema.class.getResourceAsStream("/trace-format.schema.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
