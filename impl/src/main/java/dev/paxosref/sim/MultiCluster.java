package dev.paxosref.sim;

import dev.paxosref.core.Configurations;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.MultiProposerRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A Multi-Paxos cluster's shape, on top of the single-decree {@link Cluster}: node i also hosts replica "r{i+1}",
 * and client k (address nodeCount + k) is named "c{k+1}". With a reconfiguration, the base's acceptors are the
 * universe and the configurations say which of them serve at each slot (MultiPaxosReconfig.tla).
 */
record MultiCluster(Cluster base, Optional<Configurations> reconfiguration) {
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

    /** The proposer of node p: MultiPaxos.tla's, or MultiPaxosReconfig.tla's under a reconfiguration. */
    MultiProposerRole proposer(int p, int pBalRecovered) {
        return reconfiguration.map(configs -> base.mutants().reconfigProposer(p, base.nodeCount(), base.quorums(),
                replicas(), pBalRecovered, configs))
            .orElseGet(() -> base.mutants().multiProposer(p, base.nodeCount(), base.quorums(), replicas(),
                pBalRecovered));
    }

    /**
     * MultiPaxos.tla's constants, or MultiPaxosReconfig.tla's, for trace headers; Ballot and Slot bound only TLC's
     * Next, so they are left out. Under a reconfiguration, Command holds the counter commands only and NewConfigs
     * the configurations the reconfiguration commands name.
     */
    Map<String, Object> traceConstants(List<String> commands) {
        Map<String, Object> constants = new LinkedHashMap<>();
        constants.put("Command", commands.stream().filter(c -> Configurations.named(c).isEmpty()).toList());
        constants.put("NoOp", MultiMessage.NO_OP);
        constants.put("Acceptor", base.acceptors());
        if (reconfiguration.isEmpty()) {
            constants.put("Quorum", base.traceConstants(List.of()).get("Quorum"));
        }
        constants.put("NumProposers", base.nodeCount());
        constants.put("Replica", replicas());
        reconfiguration.ifPresent(configs -> {
            constants.put("InitConfig", List.copyOf(configs.initConfig()));
            constants.put("NewConfigs", commands.stream().map(Configurations::named).flatMap(Optional::stream)
                .map(List::copyOf).distinct().toList());
            constants.put("Alpha", configs.alpha());
        });
        return constants;
    }
}
