package dev.paxosref.core;

/** Classic Paxos bugs the core can be built with, for tests that show the simulator and trace checker catch them. */
public enum Bug {
    /** Phase2b without its conjunct b >= maxBal[a]: the acceptor votes in a ballot it promised to ignore. */
    ACCEPTOR_SKIPS_PROMISE_CHECK,
    /** Phase2a without SafeValue's first disjunct's condition: the proposer ignores the votes reported in 1b. */
    PROPOSER_IGNORES_REPORTED_VOTE,
    /** Learn without VotedByQuorum: one 2b is taken as a decision. */
    LEARNER_LEARNS_WITHOUT_QUORUM,
    /** The acceptor's step asks to persist nothing, so a crash forgets promises and votes. */
    ACCEPTOR_SKIPS_PERSIST
}
