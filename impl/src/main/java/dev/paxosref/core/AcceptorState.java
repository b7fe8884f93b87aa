package dev.paxosref.core;

/**
 * Paxos.tla: maxBal[a], maxVBal[a], maxVal[a], with the acceptor's two rules (promise, vote). Immutable and
 * per instance, so a Multi-Paxos acceptor can keep one per slot and reuse the rules unchanged.
 */
public record AcceptorState(int maxBal, int maxVBal, String maxVal) implements Durable {
    public static final AcceptorState INITIAL = new AcceptorState(Ballots.NONE, Ballots.NONE, null);

    /** Paxos.tla: AcceptorInv, the conjuncts that mention only this acceptor's variables. */
    public AcceptorState {
        Invariant.check((maxVal == null) == (maxVBal == Ballots.NONE),
            () -> "AcceptorInv: maxVal = None <=> maxVBal = -1, got " + maxVBal + "/" + maxVal);
        Invariant.check(maxVBal <= maxBal, () -> "AcceptorInv: maxVBal " + maxVBal + " <= maxBal " + maxBal);
    }

    /** Phase1b's guard: b > maxBal[a]. */
    public boolean canPromise(int b) {
        return b > maxBal;
    }

    /** Phase1b's effect on maxBal. */
    public AcceptorState promise(int b) {
        return new AcceptorState(b, maxVBal, maxVal);
    }

    /** Phase2b's guard: b >= maxBal[a]. */
    public boolean canVote(int b) {
        return b >= maxBal;
    }

    /** Phase2b's effect: maxBal, maxVBal and maxVal all move to the vote. */
    public AcceptorState vote(int b, String v) {
        return new AcceptorState(b, b, v);
    }
}
