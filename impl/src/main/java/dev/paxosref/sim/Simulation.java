package dev.paxosref.sim;

import dev.paxosref.core.Message;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.ClientRequest;
import dev.paxosref.core.rsm.Command;
import dev.paxosref.core.rsm.CounterKvStore;
import dev.paxosref.sim.mutant.Mutant;
import dev.paxosref.sim.mutant.Mutants;
import dev.paxosref.trace.TraceWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One seed: a 3 to 7 node cluster and its clients run in one thread on virtual time. During the fault phase the
 * network, the disks and the nodes fail; then everything heals and the run must decide within healStepsMax steps.
 * Safety is checked after every step; liveness, acknowledged results and linearizability at the end.
 */
public final class Simulation implements StepRecorder<Message> {
    private static final int CLIENTS_MIN = 2;
    private static final int CLIENTS_MAX = 4;
    private static final int KEYS = 2;

    private final long seed;
    private final FaultProfile profile;
    private final SimEnvironment env;
    private final SplittableRandom random;
    private final Cluster cluster;
    private final SafetyChecker safety;
    private final List<SimNode> nodes = new ArrayList<>();
    private final List<SimClient> clients = new ArrayList<>();
    private final TraceSet<Message> traces;
    private long steps;

    private Simulation(long seed, FaultProfile profile, Set<Mutant> mutants, boolean traced) {
        this.seed = seed;
        this.profile = profile;
        this.env = new SimEnvironment(seed, profile, SimTiming.DEFAULT);
        this.random = env.random();
        int nodeCount = Cluster.NODES_MIN + random.nextInt(Cluster.NODES_MAX - Cluster.NODES_MIN + 1);
        int clientCount = CLIENTS_MIN + random.nextInt(CLIENTS_MAX - CLIENTS_MIN + 1);
        Mutants roles = new Mutants(mutants);
        roles.requireInSingleDecree();
        this.cluster = new Cluster(nodeCount, clientCount, roles, SimTiming.DEFAULT);
        this.safety = new SafetyChecker(cluster.quorums());
        for (int c = 0; c < clientCount; c++) {
            ClientRequest request = new ClientRequest("c" + (c + 1), 1, randomCommand());
            clients.add(new SimClient(nodeCount + c, request, env, nodeCount, cluster.timing().clientRetryMs()));
        }
        Map<String, Object> constants = cluster.traceConstants(clients.stream().map(SimClient::value).toList());
        List<String> nodeNames = new ArrayList<>();
        for (int n = 0; n < nodeCount; n++) {
            nodeNames.add(Cluster.nodeName(n));
            nodes.add(new SimNode(n, cluster, env, this));
        }
        this.traces = new TraceSet<>(traced, nodeNames, (out, name) -> TraceWriter.paxos(out, name, constants));
    }

    /** Runs one seed to a decision everywhere, a safety violation, or the liveness bound, tracing every node. */
    public static SeedResult run(long seed, FaultProfile profile, Set<Mutant> mutants) {
        return new Simulation(seed, profile, mutants, true).run();
    }

    /** The same run without writing traces (the result has none), to measure what tracing costs. */
    public static SeedResult runUntraced(long seed, FaultProfile profile, Set<Mutant> mutants) {
        return new Simulation(seed, profile, mutants, false).run();
    }

    private Command randomCommand() {
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

    private SeedResult run() {
        env.begin(nodes, clients, cluster.timing().clientRetryMs());
        Optional<Violation> violation = Violation.catching(this::steps, () -> steps).or(this::checkOutcome);
        return new SeedResult(seed, cluster.nodeCount(), steps, env.faultCount(), violation, traces.texts());
    }

    private Optional<Violation> steps() {
        while (true) {
            SimEvent event = env.next();
            steps++;
            env.dispatch(event, steps);
            Optional<Violation> violation = safety.check(steps);
            if (violation.isPresent()) {
                return violation;
            }
            if (env.healed() && decidedEverywhere()) {
                return Optional.empty();
            }
            if (env.stepsSinceHeal(steps) > profile.healStepsMax()) {
                return Optional.of(new Violation("Liveness", "not every learner learned and every client was "
                    + "answered within " + profile.healStepsMax() + " steps of the heal", steps));
            }
        }
    }

    private boolean decidedEverywhere() {
        return nodes.stream().allMatch(n -> n.up() && n.learned().isPresent())
            && clients.stream().allMatch(SimClient::answered);
    }

    /** After the run: an answered client's value was chosen, and the clients' history is linearizable. */
    private Optional<Violation> checkOutcome() {
        Set<String> chosen = safety.chosen();
        for (SimClient client : clients) {
            if (client.result().isPresent() && !chosen.contains(client.value())) {
                return Optional.of(new Violation("AcknowledgedIsChosen", client.value() + " was acknowledged but "
                    + "chosen is " + chosen, steps));
            }
        }
        List<HistoryOp> history = clients.stream().flatMap(c -> c.historyOp().stream()).toList();
        if (!LinearizabilityChecker.isLinearizable(history, CounterKvStore::new)) {
            return Optional.of(new Violation("Linearizability", "history " + history, steps));
        }
        return Optional.empty();
    }

    @Override
    public void executed(int node, long clock, Step.Ready<Message> ready) {
        safety.executed(ready);
        traces.write(node, clock, ready);
    }
}
