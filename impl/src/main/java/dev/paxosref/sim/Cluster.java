package dev.paxosref.sim;

import dev.paxosref.core.QuorumSystem;
import dev.paxosref.sim.mutant.Mutants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The shape of one simulated cluster. Node i (named "n{i+1}") hosts acceptor "a{i+1}", learner "l{i+1}" and
 * proposer i; clients have addresses after the nodes'. Its roles are the core's, wrapped in the mutants if any.
 */
record Cluster(int nodeCount, int clientCount, Mutants mutants, SimTiming timing) {
    static final int NODES_MIN = 3;
    static final int NODES_MAX = 7;

    Cluster {
        if (nodeCount < NODES_MIN || nodeCount > NODES_MAX || clientCount < 1) {
            throw new IllegalArgumentException("a cluster has 3 to 7 nodes and a client: " + nodeCount + ", "
                + clientCount);
        }
    }

    static String nodeName(int node) {
        return "n" + (node + 1);
    }

    static String acceptorId(int node) {
        return "a" + (node + 1);
    }

    static String learnerId(int node) {
        return "l" + (node + 1);
    }

    List<String> acceptors() {
        return ids(Cluster::acceptorId);
    }

    List<String> learners() {
        return ids(Cluster::learnerId);
    }

    private List<String> ids(IntFunction<String> idOfNode) {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < nodeCount; n++) {
            ids.add(idOfNode.apply(n));
        }
        return ids;
    }

    QuorumSystem quorums() {
        return new QuorumSystem(acceptors());
    }

    /** The spec's constants, for trace headers. */
    Map<String, Object> traceConstants(List<String> values) {
        Map<String, Object> constants = new LinkedHashMap<>();
        constants.put("Acceptor", acceptors());
        constants.put("Learner", learners());
        constants.put("NumProposers", nodeCount);
        constants.put("Quorum", quorums().smallestQuorumsWithin(acceptors()).stream()
            .map(q -> q.stream().sorted().toList()).toList());
        constants.put("Value", values);
        return constants;
    }
}
