package dev.paxosref.trace.spec;

import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.format.TraceEvent;
import dev.paxosref.trace.format.TraceInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a trace speaks the spec's vocabulary before either mode runs: every action is an action of the
 * module, its parameters are exactly the operator's formal parameters, and every logged variable is a variable.
 * These are input errors, not divergences: no spec step could ever be named by them.
 */
public final class TraceVocabulary {
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
        List<String> logged = new ArrayList<>();
        event.params().fieldNames().forEachRemaining(logged::add);
        if (!logged.containsAll(formals) || !formals.containsAll(logged)) {
            throw new TraceInputException(event.origin(), "action " + event.action() + " takes parameters "
                    + formals + " but the event gives " + logged);
        }
        event.state().fieldNames().forEachRemaining(variable -> {
            if (!signature.variables().contains(variable)) {
                throw new TraceInputException(event.origin(), "state names \"" + variable
                        + "\", which is not a variable of module " + signature.moduleName());
            }
        });
    }
}
