package dev.paxosref.trace.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemaSubsetTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theDocumentedExampleEventIsValid() throws IOException {
        List<JsonSchemaSubset.Violation> violations = schema().validate(MAPPER.readTree("""
                {"node":"a1","clock":4,"action":"Phase2b","params":{"a":"a1","b":1,"v":"v1"},
                 "recv":[{"id":"p1.3","type":"2a","bal":1,"val":"v1"}],
                 "sent":[{"id":"a1.4","type":"2b","acc":"a1","bal":1,"val":"v1"}],
                 "state":{"maxBal":1,"maxVBal":1,"maxVal":"v1"},"vclock":{"a1":2}}"""), "event");
        assertEquals(List.of(), violations);
    }

    @Test
    void violationsNameThePointerAndTheRule() throws IOException {
        List<JsonSchemaSubset.Violation> violations = schema().validate(
                MAPPER.readTree("{\"node\":1.5,\"clock\":-1,\"action\":\"\",\"extra\":true}"), "event");
        assertEquals(List.of(
                new JsonSchemaSubset.Violation("/node", "expected one of [\"string\",\"integer\"], found number"),
                new JsonSchemaSubset.Violation("/clock", "must be at least 0, found -1"),
                new JsonSchemaSubset.Violation("/action", "must not be empty"),
                new JsonSchemaSubset.Violation("/extra", "unknown field \"extra\"")), violations);
    }

    @Test
    void aSchemaKeywordTheValidatorIgnoresIsRejected() throws IOException {
        JsonNode schema = MAPPER.readTree("{\"$defs\":{\"event\":{\"type\":\"object\",\"pattern\":\"x\"}}}");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> new JsonSchemaSubset(schema));
        assertTrue(error.getMessage().contains("pattern"));
    }

    private static JsonSchemaSubset schema() throws IOException {
        try (InputStream in = JsonSchemaSubsetTest.class.getResourceAsStream("/trace-format.schema.json")) {
            return new JsonSchemaSubset(MAPPER.readTree(in));
        }
    }
}
