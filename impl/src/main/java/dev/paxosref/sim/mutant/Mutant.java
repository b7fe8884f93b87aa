package dev.paxosref.sim.mutant;

/**
 * Classic Paxos bugs, built outside the core by wrapping its roles, so that tests and {@code ./paxos sim --bug}
 * show that the simulator and the trace checker catch them. Each is a one-conjunct change of a spec action.
 */
public enum Mutant {
    /** Phase2b without its conjunct b >= maxBal[a]: the acceptor votes in a ballot it promised to ignore. */
    ACCEPTOR_SKIPS_PROMISE_CHECK(true, false, false),
    /** Phase2a (and Multi-Paxos's ReceivePromise) ignoring the votes the promises reported. */
    PROPOSER_IGNORES_REPORTED_VOTE(true, true, false),
    /** Learn without VotedByQuorum: one 2b is taken as a decision. */
    LEARNER_LEARNS_WITHOUT_QUORUM(true, false, false),
    /** The acceptor's Phase1b and Phase2b ask to persist nothing, so a crash forgets promises and votes. */
    ACCEPTOR_SKIPS_PERSIST(true, true, true),
    /**
     * MultiPaxosReconfig.tla's IgnoresWindow: KnowsConfigAt is always true, so a leader proposes at s without
     * knowing the decisions up to s - Alpha, under the configuration its known decisions name.
     */
    LEADER_IGNORES_WINDOW(false, false, true),
    /**
     * Phase1b also sends the acceptor's last 2b again. Harmless to safety, and every message it sends was sent
     * before, so only a check that a step sends exactly the spec's messages sees it.
     */
    ACCEPTOR_RESENDS_VOTE(true, false, false),
    /**
     * Multi-Paxos's Execute without the reply to a command executed before (a client's retry chosen twice), which
     * MultiPaxos.tla always sends; its client may wait forever. Only a check of what a step must send sees it.
     */
    REPLICA_DROPS_RETRY_REPLY(false, true, false),
    /**
     * Multi-Paxos's Snapshot without its conjunct rLog' = DropUpTo(rLog, sm.idx): the replica keeps the slots its
     * snapshot covers. Harmless but for memory, and a slot kept never changes again, so only a check that a step
     * changes nothing a log of changes leaves out sees it (the header's "state": "changes").
     */
    REPLICA_KEEPS_SNAPSHOTTED_LOG(false, true, true);

    /** Whether Paxos.tla's roles have this bug. */
    public final boolean inSingleDecree;
    /** Whether MultiPaxos.tla's roles have this bug. */
    public final boolean inMultiPaxos;
    /** Whether MultiPaxosReconfig.tla's roles (the simulator's reconfig profile) have this bug. */
    public final boolean inReconfig;

    Mutant(boolean inSingleDecree, boolean inMultiPaxos, boolean inReconfig) {
        this.inSingleDecree = inSingleDecree;
        this.inMultiPaxos = inMultiPaxos;
        this.inReconfig = inReconfig;
    }
}
