package dev.paxosref.sim;

import dev.paxosref.core.AcceptorRole;
import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.LearnerRole;
import dev.paxosref.core.Message;
import dev.paxosref.core.ProposerRole;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.ClientRequest;
import dev.paxosref.core.rsm.Command;
import dev.paxosref.core.rsm.CommandCodec;
import dev.paxosref.core.rsm.CounterKvStore;
import dev.paxosref.node.NodeStore;
import dev.paxosref.node.PaxosDurable;
import dev.paxosref.node.PaxosNode;
import dev.paxosref.node.PaxosRoles;
import dev.paxosref.node.PaxosStore;
import dev.paxosref.node.Ports;
import dev.paxosref.node.Storage;
import dev.paxosref.sim.mutant.Mutant;
import dev.paxosref.sim.mutant.Mutants;
import dev.paxosref.trace.TraceWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Single-decree Paxos (Paxos.tla) in the simulator: 3 to 7 {@link PaxosNode}s, each a proposer, an acceptor and a
 * learner, and 2 to 4 clients with one request each (a random command of the counter and key-value store). Done
 * when every node learned and every client was answered; then every acknowledged value must be the chosen one and
 * the clients' history linearizable.
 */
final class PaxosScenario implements Scenario<Message>, Hosting<Message, PaxosDurable, PaxosNode> {
    private static final int CLIENTS_MIN = 2;
    private static final int CLIENTS_MAX = 4;
    private static final int KEYS = 2;

    private final Cluster cluster;
    private final SafetyChecker safety;
    private final List<SimServer<Message, PaxosDurable, PaxosNode>> servers = new ArrayList<>();
    private final List<SimClient> clients = new ArrayList<>();

    private PaxosScenario(SimEnvironment env, FaultProfile faults, Set<Mutant> mutants,
                          StepRecorder<Message> recorder) {
        SplittableRandom shape = env.random(SeedSplit.Subsystem.CLUSTER);
        int nodeCount = Cluster.NODES_MIN + shape.nextInt(Cluster.NODES_MAX - Cluster.NODES_MIN + 1);
        int clientCount = CLIENTS_MIN + shape.nextInt(CLIENTS_MAX - CLIENTS_MIN + 1);
        Mutants roles = new Mutants(mutants);
        roles.requireInSingleDecree();
        this.cluster = new Cluster(nodeCount, clientCount, roles, SimTiming.DEFAULT);
        this.safety = new SafetyChecker(cluster.quorums());
        for (int c = 0; c < clientCount; c++) {
            ClientRequest request = new ClientRequest(Cluster.clientId(c), 1, randomCommand(env.random(SeedSplit.Subsystem.CLIENTS)));
            clients.add(new SimClient(nodeCount + c, request, env, nodeCount, cluster.timing().clientRetryMs()));
        }
        for (int n = 0; n < nodeCount; n++) {
            servers.add(new SimServer<>(n, cluster, env, recorder, this));
        }
    }

    static Scenario.Factory<Message> factory() {
        return PaxosScenario::new;
    }

    private static Command randomCommand(SplittableRandom random) {
        String key = "k" + random.nextInt(KEYS);
        String value = "v" + random.nextInt(100);
        return switch (random.nextInt(5)) {
            case 0 -> new Command.Increment();
            case 1 -> new Command.CounterGet();
            case 2 -> new Command.Put(key, value);
            case 3 -> new Command.Get(key);
            default -> new Command.Cas(key, "nil", value);
        };
    }

    @Override
    public NodeStore<PaxosDurable> store(Storage disk) {
        return new PaxosStore(disk);
    }

    @Override
    public PaxosNode node(SimServer<Message, PaxosDurable, PaxosNode> server, Ports<Message> ports,
                          PaxosDurable durable) {
        int index = server.index();
        PaxosNode.Config config = new PaxosNode.Config(cluster.nodeCount(), cluster.timing().election(),
            cluster.timing().phaseTimeoutMs(), cluster.timing().retransmitMs(), cluster.timing().jitterMsMax());
        PaxosNode.Answers answers = (value, result) -> server.send(
            cluster.clientAddress(CommandCodec.decode(value).clientId()), new Wire.Response(value, result));
        return new PaxosNode(index, config, new Roles(index), ports, answers, durable);
    }

    /** A node's roles, wrapped in the cluster's mutants if any. */
    private final class Roles implements PaxosRoles {
        private final int index;

        Roles(int index) {
            this.index = index;
        }

        @Override
        public AcceptorRole acceptor(AcceptorState recovered) {
            return cluster.mutants().acceptor(Cluster.acceptorId(index), recovered);
        }

        @Override
        public ProposerRole proposer(int pBalRecovered) {
            return cluster.mutants().proposer(index, cluster.nodeCount(), cluster.quorums(), pBalRecovered);
        }

        @Override
        public LearnerRole learner() {
            return cluster.mutants().learner(Cluster.learnerId(index), cluster.quorums());
        }
    }

    @Override
    public Wire wrap(Message message) {
        return new Wire.Paxos(message);
    }

    @Override
    public void receive(PaxosNode node, Wire payload) {
        if (payload instanceof Wire.Paxos paxos) {
            node.onMessage(paxos.message());
        } else if (payload instanceof Wire.Request request) {
            node.onRequest(request.value());
        }
    }

    @Override
    public List<SimServer<Message, PaxosDurable, PaxosNode>> servers() {
        return servers;
    }

    @Override
    public List<SimClient> clients() {
        return clients;
    }

    @Override
    public List<String> writerNames() {
        return cluster.nodeNames();
    }

    /** Paxos.tla's constants, for trace headers. */
    @Override
    public TraceWriter<Message> traceWriter(Writer out, String name) {
        Map<String, Object> constants = new LinkedHashMap<>();
        constants.put("Acceptor", cluster.acceptors());
        constants.put("Learner", cluster.learners());
        constants.put("NumProposers", cluster.nodeCount());
        constants.put("Quorum", cluster.quorumConstant());
        constants.put("Value", clients.stream().map(SimClient::value).toList());
        return TraceWriter.paxos(out, name, constants);
    }

    @Override
    public void executed(Step.Ready<Message> ready, long step) {
        safety.executed(ready, step);
    }

    @Override
    public Optional<Violation> violation(long step) {
        return safety.violation(step);
    }

    @Override
    public boolean done() {
        return servers.stream().allMatch(s -> s.up() && s.node().learned().isPresent())
            && clients.stream().allMatch(SimClient::answered);
    }

    @Override
    public String waiting() {
        List<String> waiting = new ArrayList<>();
        servers.stream().filter(s -> !s.up() || s.node().learned().isEmpty())
            .forEach(s -> waiting.add(Cluster.nodeName(s.index()) + (s.up() ? " has not learned" : " is down")));
        clients.stream().filter(c -> !c.answered()).forEach(c -> waiting.add(c.value() + " is not answered"));
        return String.join(", ", waiting);
    }

    /** An answered client's value was chosen, and the clients' history is linearizable. */
    @Override
    public Optional<Violation> outcome(long step) {
        Set<String> chosen = safety.chosen();
        for (SimClient client : clients) {
            if (client.result().isPresent() && !chosen.contains(client.value())) {
                return Optional.of(new Violation("AcknowledgedIsChosen", client.value() + " was acknowledged but "
                    + "chosen is " + chosen, step));
            }
        }
        List<HistoryOp> history = clients.stream().flatMap(c -> c.historyOp().stream()).toList();
        if (!LinearizabilityChecker.isLinearizable(history, CounterKvStore::new)) {
            return Optional.of(new Violation("Linearizability", "history " + history, step));
        }
        return Optional.empty();
    }
}
