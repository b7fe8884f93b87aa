package dev.paxosref.sim;

import dev.paxosref.core.MachineState;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.Proposer;
import dev.paxosref.core.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a Multi-Paxos violation report shows of a run, in a few lines however long the run was: the chosen log's
 * first gap, the last slot each replica executed, and the last leader changes. It reads the same steps the safety
 * check reads.
 */
final class MultiPaxosTimeline {
    /** Leader changes shown in a report; older ones are only counted. */
    private static final int LEADER_CHANGES_SHOWN = 5;

    private record LeaderChange(int proposer, int ballot, long atMs) {
        @Override
        public String toString() {
            return Cluster.nodeName(proposer) + " in ballot " + ballot + " at " + atMs + " ms";
        }
    }

    private final Map<Integer, String> phaseByProposer = new HashMap<>();
    private final Deque<LeaderChange> leaderChanges = new ArrayDeque<>();
    private int leaderChangeCount;
    private final SortedMap<String, Integer> executedByReplica = new TreeMap<>();

    /** A step taken at virtual time {@code nowMs}. */
    void executed(Step.Ready<MultiMessage> ready, long nowMs) {
        Map<String, Object> params = ready.action().params();
        Object phase = ready.state().get("pPhase");
        if (phase != null) {
            int p = (Integer) params.get("p");
            String before = phaseByProposer.put(p, (String) phase);
            if (Proposer.Phase.P2.specName.equals(phase) && !phase.equals(before)) {
                leaderChange(new LeaderChange(p, (Integer) ready.state().get("pBal"), nowMs));
            }
        }
        if (ready.state().get("sm") instanceof MachineState sm) {
            executedByReplica.put((String) params.get("r"), sm.idx());
        }
    }

    private void leaderChange(LeaderChange change) {
        leaderChangeCount++;
        leaderChanges.addLast(change);
        if (leaderChanges.size() > LEADER_CHANGES_SHOWN) {
            leaderChanges.removeFirst();
        }
    }

    /** The report's lines: the chosen log, what each replica executed, and who led when. */
    List<String> summary(SortedMap<Integer, String> chosen) {
        List<String> lines = new ArrayList<>();
        lines.add("chosen: " + describe(chosen));
        List<String> executed = new ArrayList<>();
        executedByReplica.forEach((r, idx) -> executed.add(r + " through slot " + idx));
        lines.add("executed: " + (executed.isEmpty() ? "nothing" : String.join(", ", executed)));
        lines.add("leader changes: " + leaderChangeCount + (leaderChangeCount == 0 ? ""
            : ", the last " + leaderChanges.size() + ": " + leaderChanges));
        return lines;
    }

    /**
     * A chosen log in one line: how far it reaches, its first gap, and how many distinct commands fill it (a log
     * growing behind a gap repeats the clients' retries).
     */
    static String describe(SortedMap<Integer, String> chosen) {
        if (chosen.isEmpty()) {
            return "no slot";
        }
        int firstGap = 1;
        while (chosen.containsKey(firstGap)) {
            firstGap++;
        }
        int last = chosen.lastKey();
        String gap = firstGap > last ? "no gap" : "first gap at slot " + firstGap + ", "
            + chosen.tailMap(firstGap).size() + " slots chosen above it";
        return chosen.size() + " slots up to " + last + " (" + gap + "), " + new HashSet<>(chosen.values()).size()
            + " distinct commands";
    }
}
