package dev.paxosref.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Paxos.tla: SafeValue(S, v) and the Phase2a conjunct \E Q \in Quorum : PromisedBy(Q, b) /\ SafeValue(...).
 * Stateless, so a Multi-Paxos leader can apply it to each slot's reported votes.
 */
public final class SafeValue {
    private SafeValue() {
    }

    /** SafeValue(S, v). */
    public static boolean holds(Collection<Message.Msg1b> s, String v, Set<String> proposed) {
        boolean noneVoted = s.stream().allMatch(m -> m.mbal() == Ballots.NONE);
        if (noneVoted && proposed.contains(v)) {
            return true;
        }
        return s.stream().anyMatch(m -> m.mbal() != Ballots.NONE && v.equals(m.mval())
            && s.stream().allMatch(m2 -> m2.mbal() <= m.mbal()));
    }

    /** A quorum Q witnessing PromisedBy(Q, b) /\ SafeValue(PromisesFrom(Q, b), v), over promises for one b. */
    public static Optional<List<Message.Msg1b>> witness(QuorumSystem quorums, Map<String, Message.Msg1b> promisesByAcc,
                                                        String v, Set<String> proposed) {
        for (Set<String> q : quorums.smallestQuorumsWithin(promisesByAcc.keySet())) {
            List<Message.Msg1b> s = q.stream().sorted().map(promisesByAcc::get).toList();
            if (holds(s, v, proposed)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The vote with the highest mbal among the promises, which every quorum-sized subset containing it must take. */
    public static Optional<String> highestReportedVote(Collection<Message.Msg1b> promises) {
        return highestBallot(promises.stream().filter(m -> m.mbal() != Ballots.NONE).toList(), Message.Msg1b::mbal)
            .map(Message.Msg1b::mval);
    }

    /**
     * The vote cast in the highest ballot: the value a new leader must propose, for the one decree of Paxos.tla or
     * for each slot of MultiPaxos.tla (HighestVote(S, s)).
     */
    public static <T> Optional<T> highestBallot(Collection<T> votes, ToIntFunction<T> ballotOf) {
        return votes.stream().max(Comparator.comparingInt(ballotOf));
    }
}
