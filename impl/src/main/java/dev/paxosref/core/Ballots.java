package dev.paxosref.core;

/** Paxos.tla: Owner(b) and the ballot arithmetic shared by single-decree and Multi-Paxos roles. */
public final class Ballots {
    /** The spec's -1: "no ballot yet" for maxBal, maxVBal, pBal and mbal. */
    public static final int NONE = -1;

    private Ballots() {
    }

    /** Paxos.tla: Owner(b) == b % NumProposers. */
    public static int owner(int bal, int numProposers) {
        Invariant.check(bal >= 0 && numProposers > 0, () -> "owner of " + bal + " among " + numProposers);
        return bal % numProposers;
    }

    /** The smallest ballot owned by proposer p that is strictly above floorBal. */
    public static int nextOwnedAbove(int p, int floorBal, int numProposers) {
        Invariant.check(p >= 0 && p < numProposers, () -> "proposer " + p + " of " + numProposers);
        int base = Math.max(floorBal + 1, 0);
        int bal = base - owner(base, numProposers) + p;
        int owned = bal < base ? bal + numProposers : bal;
        Invariant.check(owned > floorBal && owner(owned, numProposers) == p,
            () -> "ballot " + owned + " for proposer " + p + " above " + floorBal);
        return owned;
    }
}
