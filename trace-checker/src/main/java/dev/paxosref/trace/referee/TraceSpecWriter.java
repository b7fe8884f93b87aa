package dev.paxosref.trace.referee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paxosref.trace.format.LoggedMessage;
import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceEvent;
import dev.paxosref.trace.spec.LoggedValueMatcher;
import dev.paxosref.trace.spec.ModelConfig;
import dev.paxosref.trace.spec.ModuleSignature;
import dev.paxosref.trace.spec.SetChange;
import dev.paxosref.trace.spec.SpecConventions;
import dev.paxosref.trace.spec.SpecConventions.BagNetwork;
import dev.paxosref.trace.spec.TlaText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a trace spec in the style of etcd's and CCF's trace validation: the spec's behaviours constrained to the
 * log. Variable {@code tl} is the index of the next logged event; a logged step is the named action with the logged
 * arguments, agreeing with the logged variables and messages; up to {@code maxSilentSteps} unlogged steps of Next
 * may come between two logged ones. Each new highest {@code tl} reached is printed (TLC register 1 holds it). The
 * trace is valid iff some behaviour reaches {@code tl = Len(TraceLog) + 1}, where TLC stops at once: not through an
 * invariant's violation, for which TLC would print the whole behaviour, every variable of every state, hundreds of
 * megabytes for a few thousand events. Otherwise TLC explores every state the log allows, and the highest {@code tl}
 * reached is the first divergent event.
 *
 * <p>On a bag network the trace spec also takes the network's unlogged steps, those NetworkSchedule names in each
 * event of the log: a message keeps a copy in flight exactly while the next event that mentions it receives it.
 */
final class TraceSpecWriter {
    static final String MODULE = "TraceReferee";
    static final String REACHED_MARKER = "trace-reached";

    private final SpecConventions conventions;

    TraceSpecWriter(SpecConventions conventions) {
        this.conventions = conventions;
    }

    String module(Trace trace, ModuleSignature signature, int maxSilentSteps) {
        StringBuilder tla = new StringBuilder();
        tla.append("---- MODULE ").append(MODULE).append(" ----\n")
                .append("EXTENDS ").append(signature.moduleName()).append(", TLC, Naturals\n")
                // Sequences only by instance: extending it would clash with a spec's own Seq (MultiPaxos's CONSTANT).
                .append("LOCAL Sq == INSTANCE Sequences\n")
                .append("VARIABLES tl, silent\n\n")
                .append(ModelConfig.overrideDefinitions(conventions.overrides())).append('\n');
        appendTraceLog(trace, tla);
        appendPostValue(signature, tla);
        appendSentExactly(trace.header().complete(), tla);
        appendSetChanged(trace.header().stateChanges(), tla);
        String inFlight = conventions.isBag() ? "DOMAIN " + conventions.messagesVariable()
                : conventions.messagesVariable();
        tla.append("""
                \\* Membership first: a complete logged record is found by TLC in O(log n); a partial one needs the scan.
                \\* An IF and a set, not \\/ and \\E: in an action TLC takes each true disjunct and each witness of \\E as
                \\* one more successor, the same state each time, so a step that sends k messages had 2^k of them.
                Logged(set, lm) == IF lm \\in set THEN TRUE
                                   ELSE {m \\in set : \\A k \\in DOMAIN lm : k \\in DOMAIN m /\\ m[k] = lm[k]} # {}

                \\* A logged value agrees with a spec value: an object field by field (a field left out is unknown),
                \\* and none of the arguments it lists as removed is in the spec function's domain; a set's change
                \\* (an object of $added and $removed only) in that every element added is in the set and none removed.
                RECURSIVE Agree(_, _)
                Agree(s, l) == CASE l.kind = "object"
                                    -> /\\ \\A i \\in DOMAIN l.fields : /\\ l.fields[i][1] \\in DOMAIN s
                                                                     /\\ Agree(s[l.fields[i][1]], l.fields[i][2])
                                       /\\ \\A k \\in l.removed : k \\notin DOMAIN s
                                 [] l.kind = "changes" /\\ IsSet(s) -> l.added \\subseteq s /\\ l.removed \\cap s = {}
                                 [] l.kind = "changes" -> l.added = {} /\\ \\A k \\in l.removed : k \\notin DOMAIN s
                                 [] OTHER -> s = l.value

                \\* In a log of changes, the node's variables the event leaves out are unchanged by the step.
                Agrees(e) == /\\ \\A f \\in e.unlogged : PreValue(f, e.node) = PostValue(f, e.node)
                             /\\ \\A i \\in DOMAIN e.state : /\\ Agree(PostValue(e.state[i][1], e.node), e.state[i][2])
                                                           /\\ SetChanged(PreValue(e.state[i][1], e.node),
                                                                  PostValue(e.state[i][1], e.node), e.state[i][2])
                             /\\ \\A i \\in DOMAIN e.sent : Logged((%1$s)', e.sent[i])
                             /\\ \\A i \\in DOMAIN e.recv : Logged(%1$s, e.recv[i])
                             /\\ SentExactly(e)

                """.formatted(inFlight));
        appendLoggedAction(trace, signature, tla);
        if (conventions.network() instanceof BagNetwork bag) {
            appendNetworkSteps(bag, tla);
        }
        tla.append("""
                TraceInit == /\\ Init
                             /\\ tl = 1
                             /\\ silent = 0
                             /\\ TLCSet(1, 1)

                TraceNext ==
                    \\/ /\\ tl <= Sq!Len(TraceLog)
                       /\\ %s
                       /\\ LoggedAction(TraceLog[tl])
                       /\\ Agrees(TraceLog[tl])
                       /\\ tl' = tl + 1
                       /\\ silent' = 0
                       /\\ IF tl' > TLCGet(1) THEN TLCSet(1, tl') /\\ PrintT(<<"%s", tl'>>) ELSE TRUE
                       /\\ IF tl' > Sq!Len(TraceLog) THEN TLCSet("exit", TRUE) ELSE TRUE
                    \\/ /\\ silent < %d
                       /\\ tl <= Sq!Len(TraceLog)
                       /\\ Next
                       /\\ silent' = silent + 1
                       /\\ UNCHANGED tl
                %s
                ====
                """.formatted(conventions.isBag() ? "NetworkReady" : "TRUE", REACHED_MARKER, maxSilentSteps,
                conventions.isBag() ? "    \\/ NetworkStep\n" : ""));
        return tla.toString();
    }

    /**
     * A complete log's sends against the step's: on a bag, the logged messages are exactly those with more copies
     * after the step; on a set, every message the step adds is logged (a re-send of a message the set already holds
     * leaves no trace in the state, and TLA+ cannot take the step again from another state, which stepping mode does
     * to tell whether a logged one was re-sent).
     */
    private void appendSentExactly(boolean complete, StringBuilder tla) {
        String network = conventions.messagesVariable();
        String sends = conventions.isBag()
                ? "{m \\in DOMAIN %1$s' : m \\notin DOMAIN %1$s \\/ %1$s'[m] > %1$s[m]} = LoggedSent(e)"
                : "%1$s' \\ %1$s \\subseteq LoggedSent(e)";
        tla.append("LoggedSent(e) == {e.sent[i] : i \\in DOMAIN e.sent}\n")
                .append("SentExactly(e) == ").append(complete ? sends.formatted(network) : "TRUE").append("\n\n");
    }

    /**
     * In a log of changes, a variable logged as a set's change lists exactly the elements the step adds and removes
     * (a value that was no set before counts as empty); inside a logged function or record, where this spec has no
     * value before the step at hand, only stepping mode checks that. TLA+ cannot ask whether a value is a set, and
     * TLC fails on DOMAIN of one, so IsSet reads how TLC prints it: an enumerated set in braces (an interval
     * {@code m..n} is not taken for one).
     */
    private static void appendSetChanged(boolean stateChanges, StringBuilder tla) {
        tla.append("IsSet(s) == Sq!SubSeq(ToString(s), 1, 1) = \"{\"\n")
                .append("SetChanged(pre, post, l) == ").append(stateChanges ? """
                        l.kind = "changes" /\\ IsSet(post) =>
                            LET old == IF IsSet(pre) THEN pre ELSE {}
                            IN  /\\ l.added \\cap old = {}
                                /\\ l.removed \\subseteq old
                                /\\ post = (old \\ l.removed) \\cup l.added""" : "TRUE").append("\n\n");
    }

    /**
     * The bag's copies the log does not name: each event of TraceLog says which of its messages the network
     * duplicates before it and loses after it (NetworkSchedule). The steps take them in the log's order, one
     * successor per state: losing or duplicating one message does not enable or disable another's, and in every
     * order TLC would visit every subset of the lost ones (2^k states after an event that leaves k to lose).
     */
    private void appendNetworkSteps(BagNetwork bag, StringBuilder tla) {
        tla.append("""
                LoseAfter(i) == LET e == TraceLog[i]
                                    mentioned == Sq!\\o(e.recv, e.sent)
                                IN  [k \\in DOMAIN e.lose |-> mentioned[e.lose[k]]]
                DuplicateBefore(i) == LET e == TraceLog[i] IN [k \\in DOMAIN e.duplicate |-> e.recv[e.duplicate[k]]]
                Held(m) == m \\in DOMAIN %1$s
                OneCopy(m) == Held(m) /\\ %1$s[m] = 1
                \\* What is still to lose after event i and to duplicate before event i, in the log's order.
                ToLose(i) == IF i = 0 THEN <<>> ELSE Sq!SelectSeq(LoseAfter(i), Held)
                ToDuplicate(i) == Sq!SelectSeq(DuplicateBefore(i), OneCopy)
                NetworkReady == ToLose(tl - 1) = <<>> /\\ ToDuplicate(tl) = <<>>
                NetworkStep ==
                    /\\ tl <= Sq!Len(TraceLog)
                    /\\ IF ToLose(tl - 1) # <<>> THEN %2$s(Sq!Head(ToLose(tl - 1)))
                       ELSE ToDuplicate(tl) # <<>> /\\ %3$s(Sq!Head(ToDuplicate(tl)))
                    /\\ UNCHANGED <<tl, silent>>
                """.formatted(conventions.messagesVariable(), bag.loseAction(), bag.duplicateAction()));
    }

    private void appendTraceLog(Trace trace, StringBuilder tla) {
        tla.append("TraceLog == <<\n");
        List<TraceEvent> events = trace.events();
        Map<JsonNode, Set<String>> nodeVariables = trace.header().stateChanges() ? nodeVariables(events) : Map.of();
        List<List<String>> recv = events.stream().map(e -> messages(e.recv())).toList();
        List<List<String>> sent = events.stream().map(e -> messages(e.sent())).toList();
        List<NetworkSchedule.Around> network = conventions.isBag() ? NetworkSchedule.of(recv, sent).around() : null;
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            Set<String> unlogged = new TreeSet<>(nodeVariables.getOrDefault(e.node(), Set.of()));
            e.state().properties().forEach(v -> unlogged.remove(v.getKey()));
            tla.append("  [action |-> ").append(TlaText.quoted(e.action()))
                    .append(", node |-> ").append(TlaText.of(e.node(), conventions))
                    .append(", params |-> ").append(TlaText.of(e.params(), conventions))
                    .append(", unlogged |-> {").append(String.join(", ", unlogged.stream().map(TlaText::quoted)
                            .toList())).append('}')
                    .append(", state |-> ").append(fields(e.state()))
                    .append(", sent |-> ").append(tuple(sent.get(i)))
                    .append(", recv |-> ").append(tuple(recv.get(i)));
            if (network != null) {
                tla.append(", duplicate |-> ").append(tuple(network.get(i).duplicateBefore()))
                        .append(", lose |-> ").append(tuple(network.get(i).loseAfter()));
            }
            tla.append(i + 1 < events.size() ? "],\n" : "]\n");
        }
        tla.append(">>\n\n");
    }

    /**
     * In a log of changes, each node's variables, which an event that leaves one out says it does not change: those
     * the node logs in some event (a writer of changes logs all of them in its first event), since the trace spec
     * cannot ask which variables are functions of a node without TLC failing on a variable that is not one.
     */
    private static Map<JsonNode, Set<String>> nodeVariables(List<TraceEvent> events) {
        Map<JsonNode, Set<String>> variables = new HashMap<>();
        for (TraceEvent e : events) {
            Set<String> logged = variables.computeIfAbsent(e.node(), n -> new HashSet<>());
            e.state().properties().forEach(v -> logged.add(v.getKey()));
        }
        return variables;
    }

    /**
     * An object's fields as {@code <<<<key, tagged>>, ...>>}, so Agree can compare an object field by field; the
     * arguments listed as removed are not among them.
     */
    private String fields(JsonNode object) {
        StringBuilder tuple = new StringBuilder("<<");
        boolean integerKeys = TlaText.hasIntegerKeys(object.isObject() && object.has(LoggedValueMatcher.REMOVED)
                ? ((ObjectNode) object).deepCopy().without(LoggedValueMatcher.REMOVED) : object);
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (field.getKey().equals(LoggedValueMatcher.REMOVED)) {
                continue;
            }
            tuple.append(tuple.length() > 2 ? ", " : "").append("<<")
                    .append(integerKeys ? field.getKey() : TlaText.quoted(field.getKey())).append(", ")
                    .append(tagged(field.getValue())).append(">>");
        }
        return tuple.append(">>").toString();
    }

    private String tagged(JsonNode value) {
        if (SetChange.isShaped(value)) { // a set's change or, $removed alone, a function's: Agree asks the spec value
            return "[kind |-> \"changes\", added |-> " + elements(value.get(SetChange.ADDED)) + ", removed |-> "
                    + elements(value.get(LoggedValueMatcher.REMOVED)) + "]";
        }
        return value.isObject() ? "[kind |-> \"object\", fields |-> " + fields(value) + ", removed |-> "
                + elements(value.get(LoggedValueMatcher.REMOVED)) + "]"
                : "[kind |-> \"value\", value |-> " + TlaText.of(value, conventions) + "]";
    }

    /** The arguments a logged function lists as removed, or the elements a set's change lists, as a TLA+ set. */
    private String elements(JsonNode arguments) {
        List<String> set = new ArrayList<>();
        if (arguments != null) {
            arguments.forEach(a -> set.add(TlaText.of(a, conventions)));
        }
        return "{" + String.join(", ", set) + "}";
    }

    private List<String> messages(List<LoggedMessage> messages) {
        return messages.stream().map(m -> TlaText.of(m.fields(), conventions)).toList();
    }

    private static String tuple(List<?> elements) {
        return "<<" + String.join(", ", elements.stream().map(String::valueOf).toList()) + ">>";
    }

    /**
     * {@code PostValue(f, n)} is {@code v'[n]} for the variable named f, {@code PreValue(f, n)} is {@code v[n]}: TLA+
     * cannot look a variable up by name.
     */
    private static void appendPostValue(ModuleSignature signature, StringBuilder tla) {
        for (String prime : List.of("'", "")) {
            tla.append(prime.isEmpty() ? "PreValue" : "PostValue").append("(f, n) ==\n    CASE ");
            List<String> variables = signature.variables();
            for (int i = 0; i < variables.size(); i++) {
                tla.append(i > 0 ? "\n      [] " : "").append("f = ").append(TlaText.quoted(variables.get(i)))
                        .append(" -> ").append(variables.get(i)).append(prime).append("[n]");
            }
            tla.append("\n\n");
        }
    }

    /** One disjunct per action the trace uses, its arguments taken from the event by parameter name. */
    private static void appendLoggedAction(Trace trace, ModuleSignature signature, StringBuilder tla) {
        Set<String> actions = new LinkedHashSet<>();
        trace.events().forEach(e -> actions.add(e.action()));
        tla.append("LoggedAction(e) ==\n");
        for (String action : actions) {
            List<String> params = signature.actionParams().get(action);
            tla.append("    \\/ e.action = ").append(TlaText.quoted(action)).append(" /\\ ").append(action);
            if (!params.isEmpty()) {
                tla.append('(').append(String.join(", ", params.stream().map(p -> "e.params." + p).toList()))
                        .append(')');
            }
            tla.append('\n');
        }
        if (actions.isEmpty()) {
            tla.append("    FALSE\n");
        }
        tla.append('\n');
    }
}
