package dev.paxosref.core;

import java.util.Comparator;

/** MultiPaxos.tla: the triple <<slot, ballot, value>> an acceptor keeps in accepted[a] and reports in a 1b. */
public record SlotVote(int slot, int bal, String val) {
    /** Canonical order, so that equal vote sets print and trace identically on every run. */
    public static final Comparator<SlotVote> ORDER =
        Comparator.comparingInt(SlotVote::slot).thenComparingInt(SlotVote::bal).thenComparing(SlotVote::val);

    public SlotVote {
        Invariant.check(slot >= 1 && bal >= 0 && val != null, () -> "vote " + slot + " " + bal + " " + val);
    }
}
