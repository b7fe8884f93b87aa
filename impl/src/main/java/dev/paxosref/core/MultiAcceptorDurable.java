package dev.paxosref.core;

import java.util.List;

/** MultiPaxos.tla: maxBal[a], accepted[a] and low[a], the acceptor's durable variables. */
public record MultiAcceptorDurable(int maxBal, List<SlotVote> accepted, int low) implements Durable {
    public static final MultiAcceptorDurable INITIAL = new MultiAcceptorDurable(Ballots.NONE, List.of(), 1);

    public MultiAcceptorDurable {
        accepted = accepted.stream().sorted(SlotVote.ORDER).toList();
    }
}
