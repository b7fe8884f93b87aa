package dev.paxosref.core;

/**
 * MultiPaxos.tla's proposer (leader) as its callers see it. {@link MultiProposer} is the only implementation in
 * the core; the simulator's mutants wrap it.
 */
public interface MultiProposerRole {
    int pBal();

    Proposer.Phase pPhase();

    /** MultiPaxos.tla: Phase1a(p, b). */
    Step<MultiMessage> Phase1a(int b);

    /** MultiPaxos.tla: ReceivePromise(p, m). */
    Step<MultiMessage> ReceivePromise(MultiMessage.Msg1b m);

    /** MultiPaxos.tla: Propose(p, c). */
    Step<MultiMessage> Propose(String c);

    /** MultiPaxos.tla: ReceiveAccepted(p, a, b, s, v, l). */
    Step<MultiMessage> ReceiveAccepted(String a, int b, int s, String v, int l);

    /** MultiPaxos.tla: Preempted(p, b, c). */
    Step<MultiMessage> Preempted(int b, int c);

    /** MultiPaxos.tla: Retransmit(p). */
    Step<MultiMessage> Retransmit();

    /** MultiPaxos.tla: ReceiveCatchUp(p, r, s). */
    Step.Ready<MultiMessage> ReceiveCatchUp(String r, int s);

    /** MultiPaxos.tla: ProposerCrash(p). */
    Step.Ready<MultiMessage> ProposerCrash();
}
