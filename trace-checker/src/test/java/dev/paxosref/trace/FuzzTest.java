package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paxosref.trace.format.JsonSchemaSubset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile input: corpus traces (single files and per-node directories) mutated at random (lines dropped, swapped, duplicated or cut short; fields dropped,
 * duplicated, swapped or given a value of another JSON type; header constants removed, retyped or added) are each
 * checked in one directory run. Every mutant gets a verdict of its own, exit 0, 1 or 2 with a message, and nothing
 * escapes as an exception or a stack trace; and the checker's schema validator and a standard one agree on every
 * line. jqwik draws a fresh seed every run and prints it when the property fails.
 */
class FuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MUTANTS_PER_TRY = 8;
    private static final JsonSchemaSubset SUBSET = new JsonSchemaSubset(StandardSchema.JSON);
    /** Merged files, and per-node directories (one of whose files a mutant changes): both readers and the merge. */
    private static final List<Path> SOURCES = List.of(
            Corpus.ROOT.resolve("valid/one-round.ndjson"), Corpus.ROOT.resolve("valid/two-ballots-with-crash.ndjson"),
            Corpus.ROOT.resolve("valid/multi-one-slot.ndjson"), Corpus.ROOT.resolve("invalid/vote-below-promise.ndjson"),
            Corpus.ROOT.resolve("valid/one-round-per-node.trace"),
            Corpus.ROOT.resolve("valid/multi-sim-seed-128.trace"));

    /** What a mutation does; its integers pick the line, field and value, modulo what there is. */
    enum Kind { DROP_LINE, SWAP_LINES, DUPLICATE_LINE, TRUNCATE_LINE, DROP_FIELD, DUPLICATE_FIELD, SWAP_FIELDS,
        RETYPE_FIELD, DROP_CONSTANT, RETYPE_CONSTANT, ADD_CONSTANT }

    record Mutation(Kind kind, int first, int second, int value) {}

    /** A mutant: a corpus trace, which of its files to change, and the mutations applied to it in turn. */
    record Mutant(int source, int file, List<Mutation> mutations) {}

    @Provide
    Arbitrary<List<Mutant>> mutants() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, REPLACEMENTS.size() - 1)).as(Mutation::new);
        Arbitrary<Mutant> mutant = Combinators.combine(Arbitraries.integers().between(0, SOURCES.size() - 1),
                Arbitraries.integers().between(0, 100), mutation.list().ofMinSize(1).ofMaxSize(3)).as(Mutant::new);
        return mutant.list().ofSize(MUTANTS_PER_TRY);
    }

    @Property(tries = 20)
    void everyMutantGetsAVerdictWithAMessageAndNoStackTrace(@ForAll("mutants") List<Mutant> mutants,
                                                            @ForAll boolean json) throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Corpus.WORK), "fuzz-");
        Map<String, String> written = new TreeMap<>();
        for (int i = 0; i < mutants.size(); i++) {
            written.put(write(mutants.get(i), dir.resolve("mutant-" + i)), "");
        }
        for (Map.Entry<String, String> trace : written.entrySet()) {
            trace.setValue(contents(Path.of(trace.getKey())));
            assertValidatorsAgree(trace.getValue());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TraceCheck.check(Corpus.options(List.of(dir), CheckOptions.Mode.STEP, 0, 1, json),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        String context = report + "\nmutants:\n" + written;
        assertTrue(exit >= 0 && exit <= 2, "exit " + exit + "\n" + context);
        assertFalse(report.contains("\tat ") || report.contains("Exception") || report.contains("java.lang."),
                "stack trace or exception leaked:\n" + context);
        Map<String, Integer> verdicts = json ? jsonVerdicts(out) : textVerdicts(out, written.keySet());
        assertEquals(written.keySet(), verdicts.keySet(), "one verdict per mutant\n" + context);
        assertEquals(verdicts.values().stream().mapToInt(Integer::intValue).max().orElse(0), exit, context);
        verdicts.values().forEach(code -> Statistics.collect("exit " + code));
    }

    /**
     * The checker's own schema validator and a maintained standard one accept and reject the same lines, so what
     * an implementer's validator says of a line is what the checker says.
     */
    private static void assertValidatorsAgree(String trace) {
        for (String file : trace.split("(?m)^# .*\n")) {
            assertValidatorsAgreeOnFile(file);
        }
    }

    private static void assertValidatorsAgreeOnFile(String file) {
        List<String> lines = file.lines().filter(l -> !l.isBlank()).toList();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode json;
            try {
                json = MAPPER.readTree(lines.get(i));
            } catch (IOException notJson) {
                continue;
            }
            boolean ours = SUBSET.validate(json, i == 0 ? "header" : "event").isEmpty();
            boolean standard = StandardSchema.forLine(i + 1).validate(json).isEmpty();
            assertEquals(standard, ours, "line " + (i + 1) + " valid by the standard validator: " + standard
                    + ", by the checker's: " + ours + "\n" + lines.get(i));
        }
    }

    /** Each trace's exit code, from the first line of its text report: a verdict word, the trace, a message. */
    private static Map<String, Integer> textVerdicts(ByteArrayOutputStream out, java.util.Set<String> traces) {
        Map<String, Integer> verdicts = new TreeMap<>();
        Map<String, Integer> words = Map.of("VALID ", 0, "DIVERGED ", 1, "BAD INPUT ", 2, "UNDECIDED ", 2);
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            words.forEach((word, code) -> {
                if (line.startsWith(word)) {
                    String rest = line.substring(word.length());
                    String trace = traces.stream().filter(rest::startsWith).findFirst().orElse(rest);
                    assertTrue(rest.length() > trace.length() + 3 || code == 1, "a message: " + line);
                    assertEquals(null, verdicts.put(trace, code), "one verdict for " + trace);
                }
            });
        }
        return verdicts;
    }

    /** Each trace's exit code, from its JSON report, which must say why unless the trace is valid. */
    private static Map<String, Integer> jsonVerdicts(ByteArrayOutputStream out) throws IOException {
        Map<String, Integer> verdicts = new TreeMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            JsonNode report = MAPPER.readTree(line);
            String why = report.path("error").asText(report.path("summary").asText(report.path("reason").asText()));
            assertTrue(report.path("verdict").asText().equals("valid") || why.length() > 3, "a message: " + line);
            verdicts.put(report.get("trace").asText(), report.get("exitCode").asInt());
        }
        return verdicts;
    }

    private static final List<JsonNode> REPLACEMENTS = List.of(JSON.textNode("v1"), JSON.textNode(""),
            JSON.textNode("3"), JSON.numberNode(3), JSON.numberNode(-1), JSON.numberNode(Long.MAX_VALUE),
            JSON.numberNode(new java.math.BigInteger("123456789012345678901234567890")), JSON.numberNode(1.5),
            JSON.numberNode(1.0),
            JSON.booleanNode(true), JSON.nullNode(), JSON.arrayNode(), JSON.arrayNode().add(1).add("a1"),
            JSON.arrayNode().add(JSON.arrayNode().add("a1")), JSON.objectNode(), JSON.objectNode().put("a1", 3));

    /** Writes the mutant as {@code name.ndjson}, or as the directory {@code name.trace}; returns its path. */
    private static String write(Mutant mutant, Path name) throws IOException {
        Path source = SOURCES.get(mutant.source());
        if (!Files.isDirectory(source)) {
            Path file = Path.of(name + ".ndjson");
            Files.writeString(file, mutate(source, mutant.mutations()));
            return file.toString();
        }
        Path trace = Files.createDirectories(Path.of(name + ".trace"));
        List<Path> files = ndjsonFiles(source);
        for (int i = 0; i < files.size(); i++) {
            Path target = trace.resolve(files.get(i).getFileName());
            if (i == mutant.file() % files.size()) {
                Files.writeString(target, mutate(files.get(i), mutant.mutations()));
            } else {
                Files.copy(files.get(i), target);
            }
        }
        return trace.toString();
    }

    private static List<Path> ndjsonFiles(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".ndjson")).sorted().toList();
        }
    }

    /** The mutant's text: the file, or every file of the directory one after the other. */
    private static String contents(Path trace) throws IOException {
        if (!Files.isDirectory(trace)) {
            return Files.readString(trace);
        }
        StringBuilder text = new StringBuilder();
        for (Path file : ndjsonFiles(trace)) {
            text.append("# ").append(file.getFileName()).append('\n').append(Files.readString(file));
        }
        return text.toString();
    }

    private static String mutate(Path file, List<Mutation> mutations) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        for (Mutation m : mutations) {
            apply(m, lines);
        }
        return String.join("\n", lines) + "\n";
    }

    private static void apply(Mutation m, List<String> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        int at = m.first() % lines.size();
        int other = m.second() % lines.size();
        switch (m.kind()) {
            case DROP_LINE -> lines.remove(at);
            case SWAP_LINES -> java.util.Collections.swap(lines, at, other);
            case DUPLICATE_LINE -> lines.add(other, lines.get(at));
            case TRUNCATE_LINE -> lines.set(at, lines.get(at).substring(0, m.second() % (lines.get(at).length() + 1)));
            case DROP_CONSTANT, RETYPE_CONSTANT, ADD_CONSTANT -> editJson(lines, 0, m, true);
            default -> editJson(lines, at, m, false);
        }
    }

    /** Edits one field of line {@code at} (of the header's constants if {@code constants}); skips lines not JSON. */
    private static void editJson(List<String> lines, int at, Mutation m, boolean constants) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(lines.get(at));
        } catch (IOException notJson) {
            return;
        }
        List<ContainerNode<?>> containers = new ArrayList<>();
        collect(constants ? root.path("constants") : root, containers);
        if (containers.isEmpty()) {
            return;
        }
        ContainerNode<?> target = containers.get(m.second() % containers.size());
        JsonNode replacement = REPLACEMENTS.get(m.value());
        String text = switch (m.kind()) {
            case DROP_FIELD, DROP_CONSTANT -> edit(root, target, m.first(), (o, k) -> o.remove(k),
                    (a, i) -> a.remove(i));
            case RETYPE_FIELD, RETYPE_CONSTANT -> edit(root, target, m.first(), (o, k) -> o.set(k, replacement),
                    (a, i) -> a.set(i, replacement));
            case ADD_CONSTANT -> edit(root, target, m.first(), (o, k) -> o.set("Extra" + m.value(), replacement),
                    (a, i) -> a.add(replacement));
            case SWAP_FIELDS -> edit(root, target, m.first(), (o, k) -> swapWithFirst(o, k), (a, i) -> {
                JsonNode first = a.get(0);
                a.set(0, a.get(i));
                a.set(i, first);
            });
            default -> duplicateKey(MAPPER.writeValueAsString(root), target, m.first());
        };
        lines.set(at, text);
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> out) {
        if (node instanceof ContainerNode<?> container && !node.isEmpty()) {
            out.add(container);
        }
        node.forEach(child -> collect(child, out));
    }

    private static String edit(JsonNode root, ContainerNode<?> target, int pick,
                               java.util.function.BiConsumer<ObjectNode, String> onObject,
                               java.util.function.BiConsumer<ArrayNode, Integer> onArray) throws IOException {
        if (target instanceof ObjectNode object) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            onObject.accept(object, keys.get(pick % keys.size()));
        } else if (target instanceof ArrayNode array) {
            onArray.accept(array, pick % array.size());
        }
        return MAPPER.writeValueAsString(root);
    }

    private static void swapWithFirst(ObjectNode object, String key) {
        String first = object.fieldNames().next();
        JsonNode value = object.get(first);
        object.set(first, object.get(key));
        object.set(key, value);
    }

    /** The line with one key written twice (JSON parsers disagree on which copy wins; the checker must not care). */
    private static String duplicateKey(String text, ContainerNode<?> target, int pick) {
        if (!(target instanceof ObjectNode object)) {
            return text;
        }
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        String key = keys.get(pick % keys.size());
        String quoted = "\"" + key + "\":";
        int at = text.indexOf(quoted);
        return at < 0 ? text : text.substring(0, at) + quoted + "\"dup\"," + text.substring(at);
    }
}
