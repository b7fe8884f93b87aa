package dev.paxosref.trace.referee;

import dev.paxosref.trace.format.LoggedMessage;
import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceEvent;
import dev.paxosref.trace.spec.ModuleSignature;
import dev.paxosref.trace.spec.SpecConventions;
import dev.paxosref.trace.spec.TlaText;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a trace spec in the style of etcd's and CCF's trace validation: the spec's behaviours constrained to the
 * log. Variable {@code tl} is the index of the next logged event; a logged step is the named action with the logged
 * arguments, agreeing with the logged variables and messages; up to {@code maxSilentSteps} unlogged steps of Next
 * may come between two logged ones. The trace is valid iff some behaviour reaches {@code tl = Len(TraceLog) + 1},
 * which the invariant {@code TraceIncomplete} turns into a reported violation. Otherwise the highest {@code tl}
 * reached, printed through TLC register 1, is the first divergent event.
 */
final class TraceSpecWriter {
    static final String MODULE = "TraceReferee";
    static final String REACHED_MARKER = "trace-reached";
    static final String INVARIANT = "TraceIncomplete";

    private final SpecConventions conventions;

    TraceSpecWriter(SpecConventions conventions) {
        this.conventions = conventions;
    }

    String module(Trace trace, ModuleSignature signature, int maxSilentSteps) {
        StringBuilder tla = new StringBuilder();
        tla.append("---- MODULE ").append(MODULE).append(" ----\n")
                .append("EXTENDS ").append(signature.moduleName()).append(", TLC, Sequences, Naturals\n")
                .append("VARIABLES tl, silent\n\n");
        appendTraceLog(trace, tla);
        appendPostValue(signature, tla);
        tla.append("""
                \\* Membership first: a complete logged record is found by TLC in O(log n); a partial one needs the scan.
                Logged(set, lm) == lm \\in set \\/ \\E m \\in set : \\A k \\in DOMAIN lm : k \\in DOMAIN m /\\ m[k] = lm[k]

                Agrees(e) == /\\ \\A f \\in DOMAIN e.state : PostValue(f, e.node) = e.state[f]
                             /\\ \\A i \\in DOMAIN e.sent : Logged(%1$s', e.sent[i])
                             /\\ \\A i \\in DOMAIN e.recv : Logged(%1$s, e.recv[i])

                """.formatted(conventions.messagesVariable()));
        appendLoggedAction(trace, signature, tla);
        tla.append("""
                TraceInit == /\\ Init
                             /\\ tl = 1
                             /\\ silent = 0
                             /\\ TLCSet(1, 1)

                TraceNext ==
                    \\/ /\\ tl <= Len(TraceLog)
                       /\\ LoggedAction(TraceLog[tl])
                       /\\ Agrees(TraceLog[tl])
                       /\\ tl' = tl + 1
                       /\\ silent' = 0
                       /\\ IF tl' > TLCGet(1) THEN TLCSet(1, tl') /\\ PrintT(<<"%s", tl'>>) ELSE TRUE
                    \\/ /\\ silent < %d
                       /\\ tl <= Len(TraceLog)
                       /\\ Next
                       /\\ silent' = silent + 1
                       /\\ UNCHANGED tl

                %s == tl <= Len(TraceLog)
                ====
                """.formatted(REACHED_MARKER, maxSilentSteps, INVARIANT));
        return tla.toString();
    }

    private void appendTraceLog(Trace trace, StringBuilder tla) {
        tla.append("TraceLog == <<\n");
        List<TraceEvent> events = trace.events();
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            tla.append("  [action |-> ").append(TlaText.quoted(e.action()))
                    .append(", node |-> ").append(TlaText.of(e.node(), conventions))
                    .append(", params |-> ").append(TlaText.of(e.params(), conventions))
                    .append(", state |-> ").append(TlaText.of(e.state(), conventions))
                    .append(", sent |-> ").append(messages(e.sent()))
                    .append(", recv |-> ").append(messages(e.recv()))
                    .append(i + 1 < events.size() ? "],\n" : "]\n");
        }
        tla.append(">>\n\n");
    }

    private String messages(List<LoggedMessage> messages) {
        StringBuilder tuple = new StringBuilder("<<");
        for (LoggedMessage m : messages) {
            tuple.append(tuple.length() > 2 ? ", " : "").append(TlaText.of(m.fields(), conventions));
        }
        return tuple.append(">>").toString();
    }

    /** {@code PostValue(f, n)} is {@code v'[n]} for the variable named f: TLA+ cannot look a variable up by name. */
    private static void appendPostValue(ModuleSignature signature, StringBuilder tla) {
        tla.append("PostValue(f, n) ==\n    CASE ");
        List<String> variables = signature.variables();
        for (int i = 0; i < variables.size(); i++) {
            tla.append(i > 0 ? "\n      [] " : "").append("f = ").append(TlaText.quoted(variables.get(i)))
                    .append(" -> ").append(variables.get(i)).append("'[n]");
        }
        tla.append("\n\n");
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
