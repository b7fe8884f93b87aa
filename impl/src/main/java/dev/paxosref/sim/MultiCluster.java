package dev.paxosref.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A Multi-Paxos cluster's shape, on top of the single-decree {@link Cluster}: node i also hosts replica "r{i+1}",
 * and client k (address nodeCount + k) is named "c{k+1}".
 */
record MultiCluster(Cluster base) {
    static String replicaId(int node) {
        return "r" + (node + 1);
    }

    static String clientId(int client) {
        return "c" + (client + 1);
    }

    List<String> replicas() {
        return IntStream.range(0, base.nodeCount()).mapToObj(MultiCluster::replicaId).toList();
    }

    /** The address of the client that sent a command, from the client id the command carries. */
    int clientAddress(String clientId) {
        return base.nodeCount() + Integer.parseInt(clientId.substring(1)) - 1;
    }

    /**
     * MultiPaxos.tla's constants, for trace headers; Op, Seq, Ballot and Slot bound only TLC's Next, so they are
     * left out, and None is the model value a JSON null stands for.
     */
    Map<String, Object> traceConstants() {
        Map<String, Object> constants = new LinkedHashMap<>();
        constants.put("Client", IntStream.range(0, base.clientCount()).mapToObj(MultiCluster::clientId).toList());
        constants.put("Acceptor", base.acceptors());
        constants.put("Quorum", base.traceConstants(List.of()).get("Quorum"));
        constants.put("NumProposers", base.nodeCount());
        constants.put("Replica", replicas());
        return constants;
    }
}
