package dev.paxosref.sim.mutant;

/**
 * Classic Paxos bugs, built outside the core by wrapping its roles, so that tests and {@code ./paxos sim --bug}
 * show that the simulator and the trace checker catch them. Each is a one-conjunct change of a spec action.
 */
public enum Mutant {
    /** Phase2b without its conjunct b >= maxBal[a]: the acceptor votes in a ballot it promised to ignore. */
    ACCEPTOR_SKIPS_PROMISE_CHECK(false, false),
    /** Phase2a (and Multi-Paxos's ReceivePromise) ignoring the votes the promises reported. */
    PROPOSER_IGNORES_REPORTED_VOTE(true, false),
    /** Learn without VotedByQuorum: one 2b is taken as a decision. */
    LEARNER_LEARNS_WITHOUT_QUORUM(false, false),
    /** The acceptor's Phase1b and Phase2b ask to persist nothing, so a crash forgets promises and votes. */
    ACCEPTOR_SKIPS_PERSIST(true, true),
    /**
     * MultiPaxosReconfig.tla's IgnoresWindow: KnowsConfigAt is always true, so a leader proposes at s without
     * knowing the decisions up to s - Alpha, under the configuration its known decisions name.
     */
    LEADER_IGNORES_WINDOW(false, true);

    /** Whether MultiPaxos.tla's roles have this bug too; the others exist only in single-decree Paxos. */
    public final boolean inMultiPaxos;
    /** Whether MultiPaxosReconfig.tla's roles (the simulator's reconfig profile) have this bug. */
    public final boolean inReconfig;

    Mutant(boolean inMultiPaxos, boolean inReconfig) {
        this.inMultiPaxos = inMultiPaxos;
        this.inReconfig = inReconfig;
    }
}
