package dev.paxosref.trace.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paxosref.trace.format.JsonTypes;
import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceEvent;
import dev.paxosref.trace.format.TraceInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks that a trace speaks the spec's vocabulary, with the verdict of checking it before either mode runs
 * (stepping mode checks each event as it takes it, and the rest after): every action is an action of the
 * module, its parameters are exactly the operator's formal parameters, its node is the process its first parameter
 * names, and every logged variable is a variable.
 * These are input errors, not divergences: no spec step could ever be named by them.
 */
public final class TraceVocabulary {
    /** The parameter names the modules give a process: acceptor, proposer, learner, replica. */
    private static final Set<String> PROCESS_PARAMETERS = Set.of("a", "p", "l", "r");

    private TraceVocabulary() {}

    public static void check(Trace trace, ModuleSignature signature) {
        for (TraceEvent event : trace.events()) {
            check(event, signature);
        }
    }

    /** The same for one event, for a trace read as a stream. */
    public static void check(TraceEvent event, ModuleSignature signature) {
        List<String> formals = signature.actionParams().get(event.action());
        if (formals == null) {
            throw new TraceInputException(event.origin(), "unknown action \"" + event.action() + "\": module "
                    + signature.moduleName() + " defines no such action");
        }
        if (!isExactly(event.params(), formals)) {
            List<String> logged = new ArrayList<>();
            event.params().fieldNames().forEachRemaining(logged::add);
            throw new TraceInputException(event.origin(), "action " + event.action() + " takes parameters "
                    + formals + " but the event gives " + logged);
        }
        requireNodeIsProcessParameter(event, formals);
        event.state().fieldNames().forEachRemaining(variable -> {
            if (!signature.variables().contains(variable)) {
                throw new TraceInputException(event.origin(), "state names \"" + variable
                        + "\", which is not a variable of module " + signature.moduleName());
            }
        });
    }

    /** Whether the object's keys are the formals: as many, each present (JSON keys are unique). */
    private static boolean isExactly(JsonNode params, List<String> formals) {
        if (params.size() != formals.size()) {
            return false;
        }
        for (String formal : formals) {
            if (!params.has(formal)) {
                return false;
            }
        }
        return true;
    }

    /**
     * An event is the step of the process its action's first parameter names, when that parameter is a process
     * ({@code Phase1b(a, b)} is {@code a}'s step): the node's logged state is compared with that process's
     * variables, so a node that logs another process's step is a mismatch, not a state divergence.
     */
    private static void requireNodeIsProcessParameter(TraceEvent event, List<String> formals) {
        if (formals.isEmpty() || !PROCESS_PARAMETERS.contains(formals.get(0))) {
            return;
        }
        String parameter = formals.get(0);
        JsonNode argument = event.params().get(parameter);
        if (!argument.equals(event.node())) {
            throw new TraceInputException(event.origin(), "node/parameter mismatch: the event's node is "
                    + typed(event.node()) + " but params." + parameter + " = " + typed(argument) + "; an event of "
                    + event.action() + " is the step of the process its parameter " + parameter + " names");
        }
    }

    private static String typed(JsonNode value) {
        return value + " (JSON " + JsonTypes.name(value) + ")";
    }
}
