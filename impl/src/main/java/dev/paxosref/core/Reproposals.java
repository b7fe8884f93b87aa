package dev.paxosref.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * MultiPaxos.tla: StartSlot(S) and Reproposals(S), what a new leader with the promises S must propose first: for
 * each reported slot the highest-ballot vote (SafeValue's rule, slot by slot), and NoOp in each gap below the
 * highest reported slot.
 */
public final class Reproposals {
    private Reproposals() {
    }

    /** StartSlot(S): every slot below was forgotten by some acceptor of S, hence executed everywhere. */
    public static int startSlot(Collection<MultiMessage.Msg1b> promises) {
        return promises.stream().mapToInt(MultiMessage.Msg1b::low).max().orElseThrow();
    }

    /** Reproposals(S), slot to value. */
    public static SortedMap<Integer, String> of(Collection<MultiMessage.Msg1b> promises) {
        int start = startSlot(promises);
        TreeMap<Integer, List<SlotVote>> votesBySlot = new TreeMap<>();
        promises.stream().flatMap(m -> m.votes().stream()).filter(t -> t.slot() >= start)
            .forEach(t -> votesBySlot.computeIfAbsent(t.slot(), s -> new ArrayList<>()).add(t));
        int top = votesBySlot.isEmpty() ? start - 1 : votesBySlot.lastKey();
        SortedMap<Integer, String> proposals = new TreeMap<>();
        for (int s = start; s <= top; s++) {
            List<SlotVote> votes = votesBySlot.get(s);
            proposals.put(s, votes == null ? MultiMessage.NO_OP
                : SafeValue.highestBallot(votes, SlotVote::bal).orElseThrow().val());
        }
        return proposals;
    }
}
