package dev.paxosref.trace.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paxosref.trace.format.JsonTypes;
import dev.paxosref.trace.format.TraceHeader;
import dev.paxosref.trace.format.TraceInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a trace header's constants against the module's CONSTANTS before any event is stepped, so that a wrong
 * header is bad input naming the key, not a TLC type error at some later event (or, worse, a valid verdict under
 * constants nobody meant). TLA+ constants carry no types, so the shapes are the ones the known modules' comments
 * state, by constant name; a declared constant without a rule here is taken as given, and left out it becomes a
 * model value of its own name.
 */
public final class HeaderConstants {
    private HeaderConstants() {}

    /** What one constant must be, as the report says it: {@code expected a positive integer, found ...}. */
    private enum Shape {
        NAME("a name: a string, e.g. \"c5\""),
        NAMES("a set of names: an array of distinct strings, e.g. [\"a1\",\"a2\"]"),
        CONFIGURATIONS("a set of configurations: an array of arrays of Acceptor names, e.g. [[\"a2\",\"a3\"]]"),
        QUORUMS("a set of quorums: an array of arrays of Acceptor names, every two sharing an acceptor"),
        POSITIVE("a positive integer"),
        NATURALS("a set of naturals: an array of integers >= 0"),
        OPERATIONS("a set of operations: an array of arrays of strings, e.g. [[\"incr\"],[\"get\",\"k\"]]"),
        MODEL_VALUE("left out, to be a model value distinct from every value");

        final String expected;

        Shape(String expected) {
            this.expected = expected;
        }
    }

    private static final Map<String, Shape> SHAPES = Map.ofEntries(
            Map.entry("Value", Shape.NAMES), Map.entry("Client", Shape.NAMES), Map.entry("Acceptor", Shape.NAMES),
            Map.entry("Learner", Shape.NAMES), Map.entry("Replica", Shape.NAMES), Map.entry("Quorum", Shape.QUORUMS),
            Map.entry("NumProposers", Shape.POSITIVE), Map.entry("Ballot", Shape.NATURALS),
            Map.entry("Slot", Shape.NATURALS), Map.entry("Seq", Shape.NATURALS), Map.entry("Op", Shape.OPERATIONS),
            Map.entry("None", Shape.MODEL_VALUE), Map.entry("Admin", Shape.NAME),
            Map.entry("InitConfig", Shape.NAMES), Map.entry("NewConfigs", Shape.CONFIGURATIONS),
            Map.entry("Alpha", Shape.POSITIVE));

    /** Bound only Next, so only the silent-step search (which steps Next) needs them; None is a model value. */
    private static final Set<String> OPTIONAL = Set.of("Ballot", "Slot", "Seq", "Op", "None");

    /**
     * Throws bad input at the header for the first problem: a key the module does not declare, a constant with a
     * rule that is missing or of the wrong shape. {@code silentSteps}: the search for unlogged steps enumerates
     * Next, so then Ballot, Slot, Seq and Op must be given too.
     */
    public static void check(TraceHeader header, ModuleSignature signature, boolean silentSteps) {
        for (String given : header.constants().keySet()) {
            if (!signature.constants().contains(given)) {
                throw problem(header, given, "not declared by module " + signature.moduleName()
                        + ", which declares " + signature.constants().stream().sorted().toList());
            }
        }
        for (String constant : signature.constants()) {
            Shape shape = SHAPES.get(constant);
            JsonNode value = header.constants().get(constant);
            if (shape == null) {
                continue;
            }
            if (value == null && shape != Shape.MODEL_VALUE
                    && (!OPTIONAL.contains(constant) || silentSteps)) {
                throw problem(header, constant, "missing: expected " + shape.expected
                        + (silentSteps && OPTIONAL.contains(constant) ? " (--max-silent-steps steps Next, which "
                        + "enumerates it)" : ""));
            }
            if (value != null) {
                String wrong = wrongShape(shape, value, header.constants().get("Acceptor"));
                if (wrong != null) {
                    throw problem(header, constant, wrong);
                }
            }
        }
    }

    /** Why {@code value} is not of {@code shape}, or null if it is. */
    private static String wrongShape(Shape shape, JsonNode value, JsonNode acceptors) {
        boolean fits = switch (shape) {
            case NAME -> value.isTextual();
            case NAMES -> isSetOf(value, JsonNode::isTextual);
            case CONFIGURATIONS -> isSetOf(value, c -> !c.isEmpty() && isSetOf(c, JsonNode::isTextual));
            case QUORUMS -> isSetOf(value, q -> isSetOf(q, JsonNode::isTextual));
            case POSITIVE -> value.isIntegralNumber() && value.canConvertToInt() && value.asInt() > 0;
            case NATURALS -> isSetOf(value, n -> n.isIntegralNumber() && n.canConvertToInt() && n.asInt() >= 0);
            case OPERATIONS -> isSetOf(value, HeaderConstants::isOperation);
            case MODEL_VALUE -> false;
        };
        if (!fits) {
            return "expected " + shape.expected + ", found " + describe(value);
        }
        return switch (shape) {
            case QUORUMS -> quorumProblem(value, acceptors);
            case CONFIGURATIONS -> outsideAcceptor("configuration", value, acceptors);
            default -> null;
        };
    }

    /** Every quorum a subset of Acceptor, every two intersecting: the assumption Paxos's safety rests on. */
    private static String quorumProblem(JsonNode quorums, JsonNode acceptors) {
        String outside = outsideAcceptor("quorum", quorums, acceptors);
        if (outside != null) {
            return outside;
        }
        List<Set<String>> sets = new ArrayList<>();
        for (JsonNode quorum : quorums) {
            Set<String> members = names(quorum);
            for (int i = 0; i < sets.size(); i++) {
                if (sets.get(i).stream().noneMatch(members::contains)) {
                    return "quorums " + quorums.get(i) + " and " + quorum + " do not intersect: every two quorums "
                            + "must share an acceptor";
                }
            }
            sets.add(members);
        }
        return sets.isEmpty() ? "expected at least one quorum, found []" : null;
    }

    /** The first set of acceptors (a quorum, a configuration) that names one outside Acceptor, or null. */
    private static String outsideAcceptor(String what, JsonNode sets, JsonNode acceptors) {
        Set<String> acceptorNames = acceptors == null ? Set.of() : names(acceptors);
        for (JsonNode set : sets) {
            for (String member : names(set)) {
                if (!acceptorNames.contains(member)) {
                    return what + " " + set + " names " + member + ", which is not in Acceptor "
                            + (acceptors == null ? "(missing)" : acceptors.toString());
                }
            }
        }
        return null;
    }

    private static boolean isSetOf(JsonNode value, java.util.function.Predicate<JsonNode> element) {
        if (!value.isArray()) {
            return false;
        }
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode e : value) {
            if (!element.test(e) || !seen.add(e)) {
                return false;
            }
        }
        return true;
    }

    /** An operation tuple: its name, then its arguments, all strings (arguments may repeat). */
    private static boolean isOperation(JsonNode value) {
        if (!value.isArray() || value.isEmpty()) {
            return false;
        }
        for (JsonNode field : value) {
            if (!field.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    /** The value and its JSON type, as the user wrote it: {@code array [1,2]}, {@code string "v1"}. */
    static String describe(JsonNode value) {
        return JsonTypes.name(value) + " " + value;
    }

    private static TraceInputException problem(TraceHeader header, String constant, String what) {
        return new TraceInputException(header.origin(), "header constant " + constant + ": " + what);
    }
}
