package dev.paxosref.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Paxos.tla: Quorum, instantiated as MCPaxos.tla's MajorityQuorums (every set holding more than half of the
 * acceptors), so that every two quorums intersect.
 */
public final class QuorumSystem {
    private final List<String> acceptors;

    public QuorumSystem(List<String> acceptors) {
        if (acceptors.isEmpty() || Set.copyOf(acceptors).size() != acceptors.size()) {
            throw new IllegalArgumentException("acceptors must be distinct and non-empty: " + acceptors);
        }
        this.acceptors = List.copyOf(acceptors);
    }

    public List<String> acceptors() {
        return acceptors;
    }

    /** The size of the smallest quorum. */
    public int quorumSize() {
        return acceptors.size() / 2 + 1;
    }

    /** Q \in Quorum. */
    public boolean isQuorum(Collection<String> q) {
        return acceptors.containsAll(q) && Set.copyOf(q).size() >= quorumSize();
    }

    /**
     * Every quorum of the smallest size drawn from the given acceptors. Smallest quorums suffice for the spec's
     * "\E Q \in Quorum" guards: removing an acceptor that is not the witness never falsifies them.
     */
    public List<Set<String>> smallestQuorumsWithin(Collection<String> present) {
        List<String> pool = new ArrayList<>(Set.copyOf(present));
        pool.retainAll(acceptors);
        pool.sort(null);
        List<Set<String>> quorums = new ArrayList<>();
        collect(pool, 0, new ArrayList<>(), quorums);
        return quorums;
    }

    private void collect(List<String> pool, int from, List<String> picked, List<Set<String>> out) {
        if (picked.size() == quorumSize()) {
            out.add(Set.copyOf(picked));
            return;
        }
        for (int i = from; i < pool.size(); i++) {
            picked.add(pool.get(i));
            collect(pool, i + 1, picked, out);
            picked.remove(picked.size() - 1);
        }
    }
}
