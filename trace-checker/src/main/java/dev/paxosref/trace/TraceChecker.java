package dev.paxosref.trace;

import dev.paxosref.trace.format.Trace;
import dev.paxosref.trace.report.Verdict;

/** One way of deciding whether the spec explains a trace: stepping TLC's evaluator, or TLC as referee. */
public interface TraceChecker {
    /** @throws dev.paxosref.trace.format.TraceInputException when the trace cannot be checked at all */
    Verdict check(Trace trace);
}
