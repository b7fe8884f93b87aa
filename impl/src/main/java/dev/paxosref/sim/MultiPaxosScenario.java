package dev.paxosref.sim;

import dev.paxosref.core.Configurations;
import dev.paxosref.core.MultiAcceptorDurable;
import dev.paxosref.core.MultiAcceptorRole;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.MultiProposerRole;
import dev.paxosref.core.MultiReplica;
import dev.paxosref.core.MultiReplicaRole;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.Command;
import dev.paxosref.core.rsm.CommandCodec;
import dev.paxosref.core.rsm.CounterKvStore;
import dev.paxosref.node.MultiPaxosDurable;
import dev.paxosref.node.MultiPaxosNode;
import dev.paxosref.node.MultiPaxosRoles;
import dev.paxosref.node.MultiPaxosStore;
import dev.paxosref.node.NodeStore;
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
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Multi-Paxos (MultiPaxos.tla) in the simulator: 3 to 5 {@link MultiPaxosNode}s, each a proposer, an acceptor and
 * a replica, and 2 to 4 clients that each run a few operations of the whole command set (increment, counter get,
 * put, get, compare-and-set), one at a time, with sessions. Done when every client got every answer; then the
 * clients' history must be linearizable and each client must have read its own writes. Under the reconfig profile
 * the cluster has four nodes, a1..a3 serve first, Alpha is 1 to 3, and one more client, the administrator, adds a4
 * and then removes a1 through the log (MultiPaxosReconfig.tla), while the others run their operations.
 */
final class MultiPaxosScenario implements Scenario<MultiMessage>,
    Hosting<MultiMessage, MultiPaxosDurable, MultiPaxosNode> {
    private static final int NODES_MAX = 5;
    private static final int CLIENTS_MIN = 2;
    private static final int CLIENTS_MAX = 4;
    /** Operations per client; clients times this stays far below LinearizabilityChecker.OPERATIONS_MAX. */
    static final int OPS_PER_CLIENT = 4;
    /** Keys every client may write; each client also has a key of its own, for the read-your-writes check. */
    private static final int SHARED_KEYS = 2;
    /** The reconfig profile's universe: a1..a3 serve first, a4 joins, then a1 leaves. */
    private static final int RECONFIG_NODES = 4;
    private static final int ALPHA_MAX = 3;

    private final Cluster cluster;
    /** The configurations under the reconfig profile (MultiPaxosReconfig.tla), else empty. */
    private final Optional<Configurations> reconfiguration;
    private final SimWorld world;
    private final MultiSafetyChecker safety;
    private final MultiPaxosTimeline timeline = new MultiPaxosTimeline();
    private final List<SimServer<MultiMessage, MultiPaxosDurable, MultiPaxosNode>> servers = new ArrayList<>();
    private final List<MultiSimClient> clients = new ArrayList<>();
    private final boolean historyChecked;

    private MultiPaxosScenario(SimEnvironment env, FaultProfile faults, Set<Mutant> mutants,
                               StepRecorder<MultiMessage> recorder, int opsPerClient) {
        SplittableRandom shape = env.random(SeedSplit.Subsystem.CLUSTER);
        boolean reconfigures = faults.reconfigures();
        int nodeCount = reconfigures ? RECONFIG_NODES
            : Cluster.NODES_MIN + shape.nextInt(NODES_MAX - Cluster.NODES_MIN + 1);
        int users = CLIENTS_MIN + shape.nextInt(CLIENTS_MAX - CLIENTS_MIN + 1);
        int clientCount = reconfigures ? users + 1 : users;
        Mutants roles = new Mutants(mutants);
        roles.requireInMultiPaxos(reconfigures);
        this.cluster = new Cluster(nodeCount, clientCount, roles, SimTiming.DEFAULT);
        this.reconfiguration = reconfigures
            ? Optional.of(new Configurations(new TreeSet<>(cluster.acceptors().subList(0, 3)),
                1 + shape.nextInt(ALPHA_MAX)))
            : Optional.empty();
        this.world = env;
        this.safety = new MultiSafetyChecker(cluster.quorums(), reconfiguration);
        for (int n = 0; n < nodeCount; n++) {
            servers.add(new SimServer<>(n, cluster, env, recorder, this));
        }
        for (int c = 0; c < clientCount; c++) {
            List<Command> ops = c < users
                ? randomOps(env.random(SeedSplit.Subsystem.CLIENTS), Cluster.clientId(c), opsPerClient)
                : addThenRemove(cluster.acceptors());
            clients.add(new MultiSimClient(nodeCount + c, Cluster.clientId(c), ops, env, recorder,
                nodeCount, cluster.timing().clientRetryMs()));
        }
        this.historyChecked = clientCount * opsPerClient <= LinearizabilityChecker.OPERATIONS_MAX;
    }

    /** A client's operations, drawn from the whole command set over two shared keys and the client's own. */
    private static List<Command> randomOps(SplittableRandom random, String clientId, int count) {
        List<Command> ops = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int k = random.nextInt(SHARED_KEYS + 1);
            String key = k == SHARED_KEYS ? MultiSimClient.ownKey(clientId) : "k" + k;
            String value = "v" + random.nextInt(10);
            ops.add(switch (random.nextInt(5)) {
                case 0 -> new Command.Increment();
                case 1 -> new Command.CounterGet();
                case 2 -> new Command.Put(key, value);
                case 3 -> new Command.Get(key);
                default -> new Command.Cas(key, random.nextBoolean() ? "nil" : "v" + random.nextInt(10), value);
            });
        }
        return ops;
    }

    /** The administrator's commands: a1..a3 serve first; add a4, then remove a1. */
    private static List<Command> addThenRemove(List<String> universe) {
        return List.of(new Command.Reconfig(new TreeSet<>(universe)),
            new Command.Reconfig(new TreeSet<>(universe.subList(1, universe.size()))));
    }

    /**
     * Clients that each run {@code opsPerClient} operations (long traces for benchmarks): the history is checked
     * only if it is short enough for the linearizability checker.
     */
    static Scenario.Factory<MultiMessage> factory(int opsPerClient) {
        return (env, faults, mutants, recorder) -> new MultiPaxosScenario(env, faults, mutants, recorder,
            opsPerClient);
    }

    @Override
    public NodeStore<MultiPaxosDurable> store(Storage disk) {
        return new MultiPaxosStore(disk);
    }

    @Override
    public MultiPaxosNode node(SimServer<MultiMessage, MultiPaxosDurable, MultiPaxosNode> server,
                               Ports<MultiMessage> ports, MultiPaxosDurable durable) {
        SimTiming timing = cluster.timing();
        MultiPaxosNode.Config config = new MultiPaxosNode.Config(cluster.nodeCount(), cluster.acceptors(),
            cluster.replicas(), timing.election(), timing.phaseTimeoutMs(), timing.retransmitMs(),
            timing.jitterMsMax(), reconfiguration);
        return new MultiPaxosNode(server.index(), config, new Roles(server.index()), ports, durable);
    }

    /** A node's acceptor, proposer and replica, wrapped in the cluster's mutants if any. */
    private final class Roles implements MultiPaxosRoles {
        private final int index;

        Roles(int index) {
            this.index = index;
        }

        @Override
        public MultiAcceptorRole acceptor(MultiAcceptorDurable recovered) {
            return cluster.mutants().multiAcceptor(Cluster.acceptorId(index), cluster.replicas(), recovered);
        }

        /** MultiPaxos.tla's proposer, or MultiPaxosReconfig.tla's under a reconfiguration. */
        @Override
        public MultiProposerRole proposer(int pBalRecovered) {
            return reconfiguration.map(configs -> cluster.mutants().reconfigProposer(index, cluster.nodeCount(),
                    cluster.quorums(), cluster.replicas(), pBalRecovered, configs))
                .orElseGet(() -> cluster.mutants().multiProposer(index, cluster.nodeCount(), cluster.quorums(),
                    cluster.replicas(), pBalRecovered));
        }

        @Override
        public MultiReplicaRole replica(MultiReplica built) {
            return cluster.mutants().multiReplica(built);
        }
    }

    @Override
    public Wire wrap(MultiMessage message) {
        return new Wire.MultiPaxos(message);
    }

    @Override
    public void receive(MultiPaxosNode node, Wire payload) {
        if (payload instanceof Wire.MultiPaxos multi) {
            node.onMessage(multi.message());
        }
    }

    @Override
    public List<SimServer<MultiMessage, MultiPaxosDurable, MultiPaxosNode>> servers() {
        return servers;
    }

    @Override
    public List<MultiSimClient> clients() {
        return clients;
    }

    /** The servers' traces, then each client's. */
    @Override
    public List<String> writerNames() {
        List<String> names = new ArrayList<>(cluster.nodeNames());
        for (int c = 0; c < clients.size(); c++) {
            names.add(Cluster.clientId(c));
        }
        return names;
    }

    /**
     * MultiPaxos.tla's constants, or MultiPaxosReconfig.tla's, for trace headers: Client, the clients of the state
     * machine, and under a reconfiguration Admin, the client of the reconfiguration commands, and NewConfigs the
     * configurations they name. Op, Seq, Ballot and Slot bound only TLC's Next, so they are left out, and None is
     * the model value a JSON null stands for.
     */
    @Override
    public TraceWriter<MultiMessage> traceWriter(Writer out, String name) {
        List<String> commands = clients.stream().flatMap(c -> c.commands().stream()).toList();
        Map<String, Object> constants = new LinkedHashMap<>();
        constants.put("Client", clientsOf(commands.stream().filter(c -> Configurations.named(c).isEmpty())));
        reconfiguration.ifPresent(configs -> constants.put("Admin",
            clientsOf(commands.stream().filter(c -> Configurations.named(c).isPresent())).get(0)));
        constants.put("Acceptor", cluster.acceptors());
        if (reconfiguration.isEmpty()) {
            constants.put("Quorum", cluster.quorumConstant());
        }
        constants.put("NumProposers", cluster.nodeCount());
        constants.put("Replica", cluster.replicas());
        reconfiguration.ifPresent(configs -> {
            constants.put("InitConfig", List.copyOf(configs.initConfig()));
            constants.put("NewConfigs", commands.stream().map(Configurations::named).flatMap(Optional::stream)
                .map(List::copyOf).distinct().toList());
            constants.put("Alpha", configs.alpha());
        });
        return reconfiguration.isPresent() ? TraceWriter.multiPaxosReconfig(out, name, constants)
            : TraceWriter.multiPaxos(out, name, constants);
    }

    private static List<String> clientsOf(Stream<String> commands) {
        return commands.map(c -> CommandCodec.decode(c).clientId()).distinct().toList();
    }

    @Override
    public void executed(Step.Ready<MultiMessage> ready, long step) {
        safety.executed(ready, step);
        timeline.executed(ready, world.nowMs());
    }

    @Override
    public Optional<Violation> violation(long step) {
        return safety.violation(step);
    }

    @Override
    public boolean done() {
        return clients.stream().allMatch(MultiSimClient::done);
    }

    /** Who waits since when, the chosen log's first gap, what each replica executed, who led, who is down. */
    @Override
    public String waiting() {
        List<String> lines = new ArrayList<>();
        List<String> waiting = clients.stream().flatMap(c -> c.history().stream()).filter(HistoryOp::isPending)
            .map(op -> op.clientId() + " since " + op.invokeMs() + " ms").toList();
        lines.add("at " + world.nowMs() + " ms, clients waiting: " + String.join(", ", waiting));
        lines.addAll(timeline.summary(safety.chosenLog()));
        List<String> down = servers.stream().filter(s -> !s.up()).map(s -> Cluster.nodeName(s.index())).toList();
        lines.add("nodes down: " + (down.isEmpty() ? "none" : String.join(", ", down)));
        return String.join(System.lineSeparator() + "    ", lines);
    }

    /**
     * The clients' history, answered operations and pending ones, is linearizable on the counter and key-value
     * store, and every client read its own writes.
     */
    @Override
    public Optional<Violation> outcome(long step) {
        for (MultiSimClient client : clients) {
            Optional<String> missed = ReadYourWrites.firstMissedWrite(client.history(), client.ownKey());
            if (missed.isPresent()) {
                return Optional.of(new Violation("ReadYourWrites", missed.get(), step));
            }
        }
        if (!historyChecked) {
            return Optional.empty();
        }
        List<HistoryOp> history = clients.stream().flatMap(c -> c.history().stream()).toList();
        if (!LinearizabilityChecker.isLinearizable(history, CounterKvStore::new)) {
            return Optional.of(new Violation("Linearizability", "history " + history, step));
        }
        return Optional.empty();
    }
}
