package dev.paxosref.trace.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paxosref.trace.format.SourceLocation;
import dev.paxosref.trace.format.TraceHeader;
import dev.paxosref.trace.spec.JsonToTla;
import dev.paxosref.trace.spec.ModuleSignature;
import dev.paxosref.trace.spec.SpecConventions;
import dev.paxosref.trace.spec.SpecModel;
import dev.paxosref.trace.spec.TlaToJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tla2sany.semantic.FormalParamNode;
import tla2sany.semantic.OpDefNode;
import tlc2.tool.Action;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.util.Context;
import tlc2.value.impl.Applicable;
import tlc2.value.impl.Enumerable;
import tlc2.value.impl.Value;
import tlc2.value.impl.ValueEnumeration;

/**
 * Writes long random valid Paxos traces by stepping TLC itself: at each step it proposes Paxos actions with
 * arguments taken from the pending messages, lets the spec decide which are enabled, and logs the successor it
 * picked. Ballots stop at {@code ballotsMax}, after which the run continues with re-deliveries, learners and
 * crashes, so the spec state, and the cost of a step, stays bounded however long the trace.
 */
public final class RandomPaxosTraceGenerator {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> VALUES = List.of("v1", "v2");
    private static final List<String> ACCEPTORS = List.of("a1", "a2", "a3");
    private static final List<String> LEARNERS = List.of("l1", "l2");
    private static final int PROPOSERS = 2;

    private final SpecModel model;
    private final JsonToTla toTla = new JsonToTla(SpecConventions.PAXOS);
    private final TlaToJson toJson = new TlaToJson(SpecConventions.PAXOS);
    private final Random random;
    private final int ballotsMax;
    private static final int ATTEMPTS_MAX = 50;

    private final SentMessages sent = new SentMessages();
    private final Map<String, Long> clockByNode = new HashMap<>();

    private record Step(String action, ObjectNode params, String node) {}

    public RandomPaxosTraceGenerator(Path specDir, Path workDir, long seed, int ballotsMax) {
        this(model(specDir, workDir), seed, ballotsMax);
    }

    /** A generator on a model already loaded by {@link #model}, for many traces from one load. */
    public RandomPaxosTraceGenerator(SpecModel model, long seed, int ballotsMax) {
        this.model = model;
        this.random = new Random(seed);
        this.ballotsMax = ballotsMax;
    }

    /** Paxos.tla loaded with the generated traces' header. */
    public static SpecModel model(Path specDir, Path workDir) {
        return SpecModel.load(ModuleSignature.read(specDir.resolve("Paxos.tla")), header(), workDir);
    }

    /** The header every generated trace carries. */
    public static ObjectNode headerJson() {
        ObjectNode constants = JSON.objectNode();
        constants.set("Value", MAPPER.valueToTree(VALUES));
        constants.set("Acceptor", MAPPER.valueToTree(ACCEPTORS));
        constants.set("Quorum", MAPPER.valueToTree(List.of(List.of("a1", "a2"), List.of("a1", "a3"),
                List.of("a2", "a3"))));
        constants.put("NumProposers", PROPOSERS);
        constants.set("Learner", MAPPER.valueToTree(LEARNERS));
        constants.set("Ballot", MAPPER.valueToTree(List.of(0, 1, 2, 3)));
        ObjectNode header = JSON.objectNode().put("format", "paxos-trace").put("version", 1).put("spec", "Paxos")
                .put("complete", true);
        header.set("constants", constants);
        return header;
    }

    private static TraceHeader header() {
        Map<String, JsonNode> constants = new LinkedHashMap<>();
        headerJson().get("constants").properties().forEach(f -> constants.put(f.getKey(), f.getValue()));
        return new TraceHeader("Paxos", constants, true, false, new SourceLocation("generated", 1, 0));
    }

    /** Writes a merged trace of {@code events} events to {@code file}. */
    public void write(Path file, int events) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(headerJson().toString());
            out.newLine();
            TLCState state = model.initialStates().get(0);
            for (int i = 0; i < events; i++) {
                state = stepOnce(state, out);
            }
        }
    }

    private TLCState stepOnce(TLCState pre, BufferedWriter out) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Step step = attempt < ATTEMPTS_MAX ? randomStep(pre) : alwaysEnabled();
            StateVec posts = model.tool().getNextStates(action(step), pre);
            if (posts.size() > 0) {
                TLCState post = posts.elementAt(0);
                out.write(event(step, pre, post).toString());
                out.newLine();
                return post;
            }
        }
    }

    /** A random Paxos step, its arguments drawn from the messages sent so far; the spec decides if it is enabled. */
    private Step randomStep(TLCState state) {
        int p = random.nextInt(PROPOSERS);
        String a = pick(ACCEPTORS);
        String l = pick(LEARNERS);
        String v = pick(VALUES);
        List<JsonNode> oneAs = sent.ofType("1a");
        List<JsonNode> twoAs = sent.ofType("2a");
        int choice = random.nextInt(100);
        if (choice < 5) {
            return new Step("Propose", JSON.objectNode().put("v", v), "client");
        } else if (choice < 15) {
            int ballot = nextBallot(p, intAt(state, "pBal", JSON.numberNode(p)));
            return ballot < ballotsMax ? new Step("Phase1a", JSON.objectNode().put("p", p).put("b", ballot), "" + p)
                    : alwaysEnabled();
        } else if (choice < 35 && !oneAs.isEmpty()) {
            return new Step("Phase1b", JSON.objectNode().put("a", a).put("b", pick(oneAs).get("bal").asInt()), a);
        } else if (choice < 50) {
            return new Step("Phase2a", JSON.objectNode().put("p", p).put("v", v), "" + p);
        } else if (choice < 75 && !twoAs.isEmpty()) {
            JsonNode m = pick(twoAs);
            return new Step("Phase2b", JSON.objectNode().put("a", a).put("b", m.get("bal").asInt())
                    .put("v", m.get("val").asText()), a);
        } else if (choice < 95 && !twoAs.isEmpty()) {
            JsonNode m = pick(twoAs);
            return new Step("Learn", JSON.objectNode().put("l", l).put("b", m.get("bal").asInt())
                    .put("v", m.get("val").asText()), l);
        } else if (choice < 98) {
            return new Step("ProposerCrash", JSON.objectNode().put("p", p), "" + p);
        }
        return alwaysEnabled();
    }

    private Step alwaysEnabled() {
        String l = pick(LEARNERS);
        return new Step("LearnerCrash", JSON.objectNode().put("l", l), l);
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static int nextBallot(int proposer, int ballotUsed) {
        int b = ballotUsed + 1;
        while (b % PROPOSERS != proposer) {
            b++;
        }
        return b;
    }

    private Action action(Step step) {
        OpDefNode operator = model.operator(step.action());
        Context params = Context.Empty;
        for (FormalParamNode formal : operator.getParams()) {
            params = params.cons(formal, toTla.convert(step.params().get(formal.getName().toString())));
        }
        return new Action(operator.getBody(), params, operator);
    }

    private ObjectNode event(Step step, TLCState pre, TLCState post) {
        ArrayNode recv = JSON.arrayNode();
        long clock = clockByNode.getOrDefault(step.node(), 0L);
        for (SentMessages.Sent m : received(step, pre)) {
            recv.add(m.withId());
            clock = Math.max(clock, m.clock());
        }
        clock++;
        clockByNode.put(step.node(), clock);
        ArrayNode sentNow = JSON.arrayNode();
        for (JsonNode m : sent.newIn(post, toJson)) {
            sentNow.add(sent.record(m, step.node(), clock).withId());
        }
        ObjectNode event = JSON.objectNode();
        event.set("node", Character.isDigit(step.node().charAt(0))
                ? JSON.numberNode(Integer.parseInt(step.node())) : JSON.textNode(step.node()));
        event.put("clock", clock).put("action", step.action()).set("params", step.params());
        if (!recv.isEmpty()) {
            event.set("recv", recv);
        }
        if (!sentNow.isEmpty()) {
            event.set("sent", sentNow);
        }
        event.set("state", ownedState(post, event.get("node")));
        return event;
    }

    /** The messages the step consumed, for Lamport clocks and for the log's recv field. */
    private List<SentMessages.Sent> received(Step step, TLCState pre) {
        JsonNode p = step.params();
        return switch (step.action()) {
            case "Phase1b" -> sent.matching("1a", p.get("b"), null);
            case "Phase2b" -> sent.matching("2a", p.get("b"), p.get("v"));
            case "Learn" -> sent.matching("2b", p.get("b"), p.get("v"));
            case "Phase2a" -> sent.matching("1b", JSON.numberNode(intAt(pre, "pBal", p.get("p"))), null);
            default -> List.of();
        };
    }

    private ObjectNode ownedState(TLCState post, JsonNode node) {
        ObjectNode state = JSON.objectNode();
        Value nodeValue = toTla.convert(node);
        for (String variable : model.signature().variables()) {
            if (post.lookup(variable) instanceof Applicable function && !(post.lookup(variable) instanceof Enumerable)) {
                try {
                    Value owned = function.select(nodeValue);
                    if (owned != null) {
                        state.set(variable, toJson.convert(owned));
                    }
                } catch (RuntimeException notInDomain) {
                    // another role's variable
                }
            }
        }
        return state;
    }

    private int intAt(TLCState state, String variable, JsonNode node) {
        return toJson.convert(((Applicable) state.lookup(variable)).select(toTla.convert(node))).asInt();
    }
}
