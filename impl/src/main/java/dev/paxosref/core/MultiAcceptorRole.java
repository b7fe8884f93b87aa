package dev.paxosref.core;

/**
 * MultiPaxos.tla's acceptor as its callers see it. {@link MultiAcceptor} is the only implementation in the core;
 * the simulator's mutants wrap it.
 */
public interface MultiAcceptorRole {
    int maxBal();

    /** MultiPaxos.tla: Phase1b(a, b). */
    Step<MultiMessage> Phase1b(int b);

    /** MultiPaxos.tla: Reject1a(a, b). */
    Step<MultiMessage> Reject1a(int b);

    /** MultiPaxos.tla: Phase2b(a, b, s, v). */
    Step<MultiMessage> Phase2b(int b, int s, String v);

    /** MultiPaxos.tla: Reject2a(a, b, s, v). */
    Step<MultiMessage> Reject2a(int b, int s, String v);

    /** MultiPaxos.tla: ReceiveSnapshot(a, r, i). */
    Step<MultiMessage> ReceiveSnapshot(String r, int i);

    /** MultiPaxos.tla: AcceptorCrash(a). */
    Step.Ready<MultiMessage> AcceptorCrash();
}
