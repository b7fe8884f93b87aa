package dev.paxosref.sim;

import dev.paxosref.core.Configurations;
import dev.paxosref.core.MultiProposerRole;
import dev.paxosref.core.rsm.CommandCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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

    private static List<String> clientsOf(Stream<String> commands) {
        return commands.map(c -> CommandCodec.decode(c).clientId()).distinct().toList();
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
     * MultiPaxos.tla's constants, or MultiPaxosReconfig.tla's, for trace headers: Client, the clients of the
     * state machine, and under a reconfiguration Admin, the client of the reconfiguration commands, and NewConfigs
     * the configurations they name. Op, Seq, Ballot and Slot bound only TLC's Next, so they are left out, and None
     * is the model value a JSON null stands for.
     */
    Map<String, Object> traceConstants(List<String> commands) {
        Map<String, Object> constants = new LinkedHashMap<>();
        constants.put("Client", clientsOf(commands.stream().filter(c -> Configurations.named(c).isEmpty())));
        reconfiguration.ifPresent(configs -> constants.put("Admin",
            clientsOf(commands.stream().filter(c -> Configurations.named(c).isPresent())).get(0)));
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
