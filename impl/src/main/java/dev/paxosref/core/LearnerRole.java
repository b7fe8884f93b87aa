package dev.paxosref.core;

import java.util.Optional;

/**
 * Paxos.tla's learner as its callers see it. {@link Learner} is the only implementation in the core; the
 * simulator's mutants wrap it.
 */
public interface LearnerRole {
    /** learned[l], or empty for None. */
    Optional<String> learned();

    /** Delivers a 2b; returns whether it was new to this learner. */
    boolean receive(Message.Msg2b m);

    /** Paxos.tla: Learn(l, b, v). */
    Step<Message> Learn(int b, String v);

    /** Paxos.tla: LearnerCrash(l). */
    Step.Ready<Message> LearnerCrash();
}
