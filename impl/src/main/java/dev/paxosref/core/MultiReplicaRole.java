package dev.paxosref.core;

import java.util.Optional;

/**
 * MultiPaxos.tla's replica as its callers see it. {@link MultiReplica} is the only implementation in the core; the
 * simulator's mutants wrap it.
 */
public interface MultiReplicaRole {
    MachineState sm();

    /** The value of the next slot to execute, if decided here. */
    Optional<String> nextToExecute();

    /** Whether a decided slot waits behind an undecided one: a decision this replica never received. */
    boolean hasGap();

    /** MultiPaxos.tla: ReceiveDecision(r, s, v). */
    Step.Ready<MultiMessage> ReceiveDecision(int s, String v);

    /** MultiPaxos.tla: RequestCatchUp(r). */
    Step<MultiMessage> RequestCatchUp();

    /** MultiPaxos.tla: Execute(r). */
    Step<MultiMessage> Execute();

    /** MultiPaxos.tla: Snapshot(r). */
    Step<MultiMessage> Snapshot();

    /** MultiPaxos.tla: ReplicaCrash(r). */
    Step.Ready<MultiMessage> ReplicaCrash();
}
