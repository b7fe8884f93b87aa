package dev.paxosref.mc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes model-check results as JSON, counterexamples included, so that other tools can render or replay them.
 * Each step lists every variable ({@code state}) and the ones its action changed ({@code changed}); {@code witnesses}
 * maps each coverage witness of the model to whether the run reached it.
 */
public final class ResultsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    public static void write(List<ModelCheckResult> results, Path file) throws IOException {
        writeArray("results", results.stream().map(ResultsJson::toJson).toList(), file);
    }

    /** Soak runs: each with its seed, trace depth, traces and states generated, and a violation's behaviour. */
    public static void writeSoak(List<SoakResult> results, Path file) throws IOException {
        writeArray("soak", results.stream().map(ResultsJson::toJson).toList(), file);
    }

    private static void writeArray(String key, List<ObjectNode> nodes, Path file) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.putArray(key).addAll(nodes);
        MAPPER.writeValue(file.toFile(), root);
    }

    static ObjectNode toJson(ModelCheckResult result) {
        ObjectNode node = outcome(result.model(), result.verdict(), result.asExpected());
        node.put("expected", result.model().expect().toString());
        node.put("distinctStates", result.distinctStates());
        node.put("statesGenerated", result.statesGenerated());
        node.put("depth", result.depth());
        node.put("seconds", result.elapsed().toMillis() / 1000.0);
        node.put("workers", result.workers());
        if (!result.coverage().witnesses().isEmpty()) {
            ObjectNode witnesses = node.putObject("witnesses");
            result.coverage().witnesses().forEach(w -> witnesses.put(w, result.coverage().reached().contains(w)));
        }
        putVerdict(node, result.verdict());
        return node;
    }

    private static ObjectNode toJson(SoakResult result) {
        ObjectNode node = outcome(result.model(), result.verdict(), result.asExpected());
        node.put("seed", result.seed());
        node.put("simulateDepth", result.depthMax());
        node.put("traces", result.traces());
        node.put("statesGenerated", result.statesGenerated());
        node.put("seconds", result.elapsed().toMillis() / 1000.0);
        node.put("workers", result.workers());
        putVerdict(node, result.verdict());
        return node;
    }

    private static ObjectNode outcome(Model model, Verdict verdict, boolean asExpected) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("model", model.name());
        node.put("module", model.module());
        node.put("result", verdict.toString());
        node.put("asExpected", asExpected);
        return node;
    }

    private static void putVerdict(ObjectNode node, Verdict verdict) {
        if (verdict instanceof Verdict.Violation v) {
            node.put("property", v.property());
            node.set("counterexample", toJson(v.counterexample()));
        } else if (verdict instanceof Verdict.Error e) {
            node.put("error", e.message());
        }
    }

    private static ObjectNode toJson(Counterexample counterexample) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode steps = node.putArray("steps");
        Counterexample.Step previous = null;
        for (Counterexample.Step step : counterexample.steps()) {
            ObjectNode s = steps.addObject();
            s.put("number", step.number());
            s.put("action", step.action());
            ObjectNode changed = s.putObject("changed");
            step.changedSince(previous).forEach(changed::put);
            ObjectNode state = s.putObject("state");
            step.variables().forEach(state::put);
            previous = step;
        }
        node.put("loopsBackTo", counterexample.loopsBackTo());
        node.put("stuttersForever", counterexample.stuttersForever());
        return node;
    }
}
