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

    /** Runs one traced seed of this protocol. */
    public SeedResult run(long seed, FaultProfile faults, Set<Mutant> mutants) {
        if (this == SINGLE && faults.reconfigures()) {
            throw new IllegalArgumentException("fault profile " + faults.name() + " moves the acceptors of a log: "
                + "it runs with --protocol multi only");
        }
        return this == SINGLE ? Simulation.run(seed, faults, mutants) : MultiSimulation.run(seed, faults, mutants);
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
