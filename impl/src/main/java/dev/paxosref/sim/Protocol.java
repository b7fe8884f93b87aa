package dev.paxosref.sim;

import dev.paxosref.sim.mutant.Mutant;
import java.util.Set;

/** Which protocol a simulation runs: single-decree Paxos (Paxos.tla) or Multi-Paxos (MultiPaxos.tla). */
public enum Protocol {
    SINGLE("single"),
    MULTI("multi");

    /** The name on the command line: {@code --protocol single|multi}. */
    public final String cliName;

    Protocol(String cliName) {
        this.cliName = cliName;
    }

    /** Runs one seed of this protocol, tracing every node (and, Multi-Paxos, every client). */
    public SeedResult run(long seed, FaultProfile faults, Set<Mutant> mutants) {
        return run(seed, faults, mutants, true);
    }

    /** The same run without writing traces (the result has none): faster, and what tracing is measured against. */
    public SeedResult runUntraced(long seed, FaultProfile faults, Set<Mutant> mutants) {
        return run(seed, faults, mutants, false);
    }

    private SeedResult run(long seed, FaultProfile faults, Set<Mutant> mutants, boolean traced) {
        if (this == SINGLE && faults.reconfigures()) {
            throw new IllegalArgumentException("fault profile " + faults.name() + " moves the acceptors of a log: "
                + "it runs with --protocol multi only");
        }
        return this == SINGLE ? Simulation.run(seed, faults, mutants, traced, PaxosScenario.factory())
            : Simulation.run(seed, faults, mutants, traced, MultiPaxosScenario.factory(MultiPaxosScenario.OPS_PER_CLIENT));
    }

    /**
     * A traced Multi-Paxos run whose clients each send {@code opsPerClient} increments: long traces for
     * benchmarks. Safety is checked after every step as always; the history only if it is short enough for the
     * linearizability checker.
     */
    public static SeedResult runLongMultiPaxos(long seed, FaultProfile faults, int opsPerClient) {
        return Simulation.run(seed, faults, Set.of(), true, MultiPaxosScenario.factory(opsPerClient));
    }

    /** The protocol named on a command line. */
    public static Protocol named(String name) {
        for (Protocol p : values()) {
            if (p.cliName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + name + "': expected single or multi");
    }
}
