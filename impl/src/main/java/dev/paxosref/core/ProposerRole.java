package dev.paxosref.core;

import java.util.Optional;

/**
 * Paxos.tla's proposer as its callers see it: its actions, the 1b messages it is handed, and what a node reads of
 * its state. {@link Proposer} is the only implementation in the core; the simulator's mutants wrap it.
 */
public interface ProposerRole {
    int id();

    int pBal();

    Proposer.Phase pPhase();

    /** Whether v \in proposed as far as this proposer knows. */
    boolean hasHeard(String v);

    /** Delivers a 1b; only promises for the current ballot while in phase 1 can ever enable Phase2a. */
    void receive(Message.Msg1b m);

    /** The value this proposer would ask for now: the highest reported vote, else the first value proposed to it. */
    Optional<String> valueToPropose();

    /** Paxos.tla: Propose(v), as seen by this proposer. */
    Step.Ready<Message> Propose(String v);

    /** Paxos.tla: Phase1a(p, b). */
    Step<Message> Phase1a(int b);

    /** Paxos.tla: Phase2a(p, v). */
    Step<Message> Phase2a(String v);

    /** Paxos.tla: ProposerCrash(p). */
    Step.Ready<Message> ProposerCrash();
}
