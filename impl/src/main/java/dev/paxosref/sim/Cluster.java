package dev.paxosref.sim;

import dev.paxosref.core.QuorumSystem;
import dev.paxosref.sim.mutant.Mutants;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The shape of one simulated cluster, whatever protocol it runs. Node i (named "n{i+1}") hosts acceptor "a{i+1}",
 * learner "l{i+1}" (single-decree), replica "r{i+1}" (Multi-Paxos) and proposer i; client k (named "c{k+1}") has
 * address nodeCount + k. Its roles are the core's, wrapped in the mutants if any.
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

    static String replicaId(int node) {
        return "r" + (node + 1);
    }

    static String clientId(int client) {
        return "c" + (client + 1);
    }

    List<String> nodeNames() {
        return ids(Cluster::nodeName);
    }

    List<String> acceptors() {
        return ids(Cluster::acceptorId);
    }

    List<String> learners() {
        return ids(Cluster::learnerId);
    }

    List<String> replicas() {
        return ids(Cluster::replicaId);
    }

    private List<String> ids(IntFunction<String> idOfNode) {
        return IntStream.range(0, nodeCount).mapToObj(idOfNode).toList();
    }

    /** The address of a client, from the client id its commands carry. */
    int clientAddress(String clientId) {
        return nodeCount + Integer.parseInt(clientId.substring(1)) - 1;
    }

    QuorumSystem quorums() {
        return new QuorumSystem(acceptors());
    }

    /** The spec's Quorum constant, for trace headers: the smallest majorities, each sorted. */
    List<List<String>> quorumConstant() {
        return quorums().smallestQuorumsWithin(acceptors()).stream().map(q -> q.stream().sorted().toList()).toList();
    }
}
