package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The published schema is standard JSON Schema (draft 2020-12) that a maintained validator, not only the checker's
 * own subset, accepts; and that validator agrees with the corpus: every line of a well-formed trace is valid, and
 * every schema violation in the bad corpus is one.
 */
class StandardSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = StandardSchema.REGISTRY;
    private static final JsonNode SCHEMA = StandardSchema.JSON;
    private static final Schema HEADER = StandardSchema.HEADER;
    private static final Schema EVENT = StandardSchema.EVENT;

    @Test
    void theSchemaIsValidAgainstTheDraft202012MetaSchema() {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(List.of(), meta.validate(SCHEMA));
        ObjectNode broken = SCHEMA.deepCopy();
        ((ObjectNode) broken.at("/$defs/event/properties/clock")).put("type", "int");
        assertFalse(meta.validate(broken).isEmpty(), "the meta-schema check can fail");
        assertEquals("https://json-schema.org/draft/2020-12/schema", SCHEMA.get("$schema").asText());
    }

    @TestFactory
    Stream<DynamicTest> everyLineOfAWellFormedTraceIsValid() {
        Stream<Corpus> wellFormed = Stream.of("valid", "invalid", "bad").flatMap(f -> Corpus.in(f).stream())
                .filter(c -> !c.name().startsWith("schema-") && !c.name().startsWith("malformed-")
                        && !c.name().startsWith("empty"));
        return wellFormed.map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            for (Path file : files(c.trace())) {
                List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
                for (int i = 0; i < lines.size(); i++) {
                    List<Error> errors = (i == 0 ? HEADER : EVENT).validate(MAPPER.readTree(lines.get(i)));
                    assertEquals(List.of(), errors, file + ":" + (i + 1));
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySchemaViolationOfTheBadCorpusIsOneForAStandardValidator() {
        return Corpus.in("bad").stream().filter(c -> c.name().startsWith("schema-")).map(c ->
                DynamicTest.dynamicTest(c.name(), () -> {
                    int line = Integer.parseInt(c.expect().getProperty("line"));
                    String text = Files.readAllLines(c.trace()).get(line - 1);
                    List<Error> errors = (line == 1 ? HEADER : EVENT).validate(MAPPER.readTree(text));
                    assertFalse(errors.isEmpty(), c.name() + ":" + line + " passes the standard validator");
                }));
    }

    @Test
    void theSetChangesOfTheValidCorpusAreSetChangesAndAMalformedOneIsNot() throws IOException {
        int changes = 0;
        for (Path file : files(Corpus.ROOT.resolve("valid/multi-sim-changes.trace"))) {
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                for (JsonNode value : MAPPER.readTree(line).path("state")) {
                    if (value.has("$added")) {
                        assertEquals(List.of(), StandardSchema.SET_CHANGE.validate(value), line);
                        changes++;
                    }
                }
            }
        }
        assertTrue(changes > 10, "set changes in the corpus: " + changes);
        for (String malformed : List.of("{\"$added\":[1],\"pBal\":3}", "{\"$added\":3}", "{\"$removed\":{}}")) {
            assertFalse(StandardSchema.SET_CHANGE.validate(MAPPER.readTree(malformed)).isEmpty(), malformed);
        }
    }

    @Test
    void theRootSchemaAcceptsAHeaderAndAnEventAndRejectsNeither() throws IOException {
        Schema root = REGISTRY.getSchema(SCHEMA);
        List<String> lines = Files.readAllLines(Corpus.ROOT.resolve("valid/one-round.ndjson"));
        assertEquals(List.of(), root.validate(MAPPER.readTree(lines.get(0))));
        assertEquals(List.of(), root.validate(MAPPER.readTree(lines.get(1))));
        assertTrue(!root.validate(MAPPER.readTree("{\"node\":\"a1\"}")).isEmpty());
    }

    private static List<Path> files(Path trace) throws IOException {
        if (!Files.isDirectory(trace)) {
            return List.of(trace);
        }
        try (Stream<Path> files = Files.list(trace)) {
            return files.filter(f -> f.toString().endsWith(".ndjson")).sorted().toList();
        }
    }
}
