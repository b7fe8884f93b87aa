package dev.paxosref.sim;

import dev.paxosref.core.Bug;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.ClientRequest;
import dev.paxosref.core.rsm.Command;
import dev.paxosref.core.rsm.CounterKvStore;
import dev.paxosref.trace.TraceWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
public final class Simulation implements StepRecorder {
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
    private final Map<String, StringWriter> traceTexts = new LinkedHashMap<>();
    private final List<TraceWriter> traces = new ArrayList<>();
    private final boolean traced;
    private long steps;

    private Simulation(long seed, FaultProfile profile, Set<Bug> bugs, boolean traced) {
        this.seed = seed;
        this.traced = traced;
        this.profile = profile;
        this.env = new SimEnvironment(seed, profile, SimTiming.DEFAULT);
        this.random = env.random();
        int nodeCount = Cluster.NODES_MIN + random.nextInt(Cluster.NODES_MAX - Cluster.NODES_MIN + 1);
        int clientCount = CLIENTS_MIN + random.nextInt(CLIENTS_MAX - CLIENTS_MIN + 1);
        this.cluster = new Cluster(nodeCount, clientCount, bugs, SimTiming.DEFAULT);
        this.safety = new SafetyChecker(cluster.quorums());
        for (int c = 0; c < clientCount; c++) {
            ClientRequest request = new ClientRequest("c" + (c + 1), 1, randomCommand());
            clients.add(new SimClient(nodeCount + c, request, env, nodeCount, cluster.timing().clientRetryMs()));
        }
        Map<String, Object> constants = cluster.traceConstants(clients.stream().map(SimClient::value).toList());
        for (int n = 0; n < nodeCount; n++) {
            StringWriter text = new StringWriter();
            traceTexts.put(Cluster.nodeName(n), text);
            traces.add(new TraceWriter(text, "Paxos", Cluster.nodeName(n), constants));
            nodes.add(new SimNode(n, cluster, env, this));
        }
    }

    /** Runs one seed to a decision everywhere, a safety violation, or the liveness bound, tracing every node. */
    public static SeedResult run(long seed, FaultProfile profile, Set<Bug> bugs) {
        return new Simulation(seed, profile, bugs, true).run();
    }

    /** The same run without writing traces (the result has none), to measure what tracing costs. */
    public static SeedResult runUntraced(long seed, FaultProfile profile, Set<Bug> bugs) {
        return new Simulation(seed, profile, bugs, false).run();
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
        env.begin(nodes);
        for (int c = 0; c < clients.size(); c++) {
            env.schedule(random.nextLong(cluster.timing().clientRetryMs()), new SimEvent.ClientTimer(nodes.size() + c));
        }
        Optional<Violation> violation = loop().or(this::checkOutcome);
        traces.forEach(TraceWriter::flush);
        Map<String, String> traceByNode = new LinkedHashMap<>();
        if (traced) {
            traceTexts.forEach((node, text) -> traceByNode.put(node, text.toString()));
        }
        return new SeedResult(seed, cluster.nodeCount(), steps, env.faultCount(), violation, traceByNode);
    }

    /** Runs until a decision everywhere after the heal, or a violation; a failed assertion is a violation too. */
    private Optional<Violation> loop() {
        try {
            return steps();
        } catch (RuntimeException | AssertionError e) {
            return Optional.of(new Violation("Assertion", e.toString(), steps));
        }
    }

    private Optional<Violation> steps() {
        while (true) {
            SimEvent event = env.next();
            steps++;
            dispatch(event);
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

    private void dispatch(SimEvent event) {
        if (event instanceof SimEvent.Deliver deliver) {
            Envelope envelope = deliver.envelope();
            if (envelope.to() >= nodes.size()) {
                clients.get(envelope.to() - nodes.size()).onResponse((Wire.Response) envelope.payload());
            } else if (env.linkUp(envelope.from(), envelope.to())) {
                nodes.get(envelope.to()).deliver(envelope);
            }
        } else if (event instanceof SimEvent.NodeTimer timer) {
            nodes.get(timer.node()).onTimer(timer);
        } else if (event instanceof SimEvent.ClientTimer timer) {
            clients.get(timer.clientAddress() - nodes.size()).onTimer();
        } else if (event instanceof SimEvent.Chaos) {
            env.chaos();
        } else {
            env.heal(steps);
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
    public void executed(int node, long clock, Step.Ready ready) {
        safety.executed(ready);
        if (traced) {
            traces.get(node).write(clock, ready);
        }
    }
}
