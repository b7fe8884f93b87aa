package dev.paxosref.sim;

import dev.paxosref.sim.mutant.Mutant;
import dev.paxosref.trace.TraceWriter;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One protocol's part of a simulated seed, on top of the shared world: its servers and clients, its safety check
 * (every step any of them takes), when it is done, and what it checks at the end. {@code M} is the protocol's
 * message family.
 */
interface Scenario<M> extends SafetyCheck<M> {
    /**
     * Builds a seed's scenario in {@code env} under {@code faults}, its roles wrapped in {@code mutants}; every step
     * goes to recorder.
     */
    interface Factory<M> {
        Scenario<M> create(SimEnvironment env, FaultProfile faults, Set<Mutant> mutants, StepRecorder<M> recorder);
    }

    /** The servers, at addresses 0 .. n-1. */
    List<? extends SimEnvironment.Server> servers();

    /** The clients, at addresses n, n+1, ... */
    List<? extends SimEnvironment.Client> clients();

    /** The name of each trace file, by the address whose steps it holds. */
    List<String> writerNames();

    TraceWriter<M> traceWriter(Writer out, String name);

    /** Every client has every answer it will get (single-decree: and every node learned): the run may end. */
    boolean done();

    /** What is still waiting, and what a reader needs to see why, in a few lines: for a liveness violation. */
    String waiting();

    /** What is checked once the run ended: acknowledged results, linearizability. */
    Optional<Violation> outcome(long step);
}
