package dev.paxosref.mc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Builds manifest models and spec homes for tests. */
final class TestModels {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestModels() {
    }

    /** A model from the JSON a manifest entry would hold, so that a test names only what it needs. */
    static Model model(String json) {
        try {
            return MAPPER.readValue(json, Model.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test model: " + json, e);
        }
    }

    /** {@code model} renamed, with these fields of its manifest entry replaced. */
    static Model with(Model model, String name, Map<String, Object> fields) {
        ObjectNode node = MAPPER.valueToTree(model);
        node.put("name", name);
        fields.forEach((field, value) -> node.set(field, MAPPER.valueToTree(value)));
        try {
            return MAPPER.treeToValue(node, Model.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad fields for " + model.name() + ": " + fields, e);
        }
    }

    /**
     * A copy of the fixture spec home {@code spec/src/test/resources/<fixture>} in {@code dir}, so that runs write
     * their configs and TLC's metadata there rather than into the sources.
     */
    static SpecHome fixtureHome(String fixture, Path dir) {
        Path source = SpecHome.locate().dir().resolve("src/test/resources").resolve(fixture);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the fixture " + source, e);
        }
        return new SpecHome(dir);
    }
}
