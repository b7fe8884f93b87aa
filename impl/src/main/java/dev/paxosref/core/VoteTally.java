package dev.paxosref.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Paxos.tla: VotedByQuorum(b, v), counted over the 2b messages seen so far. */
public final class VoteTally {
    private record BallotValue(int bal, String val) {
    }

    private final QuorumSystem quorums;
    private final Map<BallotValue, TreeSet<String>> voters = new HashMap<>();

    public VoteTally(QuorumSystem quorums) {
        this.quorums = quorums;
    }

    /** Records a 2b; returns whether it was new. */
    public boolean add(Message.Msg2b m) {
        return voters.computeIfAbsent(new BallotValue(m.bal(), m.val()), k -> new TreeSet<>()).add(m.acc());
    }

    /** The 2b messages for (b, v), in acceptor order. */
    public List<Message.Msg2b> votes(int b, String v) {
        return voters.getOrDefault(new BallotValue(b, v), new TreeSet<>()).stream()
            .map(acc -> new Message.Msg2b(acc, b, v)).toList();
    }

    /** VotedByQuorum(b, v): the acceptors that voted (b, v) include a quorum. */
    public boolean votedByQuorum(int b, String v) {
        return quorums.isQuorum(voters.getOrDefault(new BallotValue(b, v), new TreeSet<>()));
    }

    /** Voting.tla: chosen, over every 2b recorded; more than one value breaks Agreement. */
    public Set<String> chosen() {
        Set<String> chosen = new TreeSet<>();
        voters.forEach((bv, accs) -> {
            if (quorums.isQuorum(accs)) {
                chosen.add(bv.val());
            }
        });
        return chosen;
    }

    public void clear() {
        voters.clear();
    }
}
