package dev.paxosref.sim;

import dev.paxosref.core.Bug;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.CounterKvStore;
import dev.paxosref.trace.TraceWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Multi-Paxos seed: 3 to 5 nodes, each a proposer, an acceptor and a replica, and 2 to 4 clients that each
 * increment the counter a few times, run in one thread on virtual time. During the fault phase the network, the
 * disks and the nodes fail; after the heal every client must get every answer within healStepsMax steps. Safety
 * is checked after every step, linearizability of the clients' history at the end.
 */
public final class MultiSimulation implements StepRecorder {
    private static final int NODES_MAX = 5;
    private static final int CLIENTS_MIN = 2;
    private static final int CLIENTS_MAX = 4;
    /** Increments per client; clients times this stays far below LinearizabilityChecker.OPERATIONS_MAX. */
    private static final int OPS_PER_CLIENT = 4;

    private final long seed;
    private final FaultProfile profile;
    private final SimEnvironment env;
    private final MultiCluster cluster;
    private final MultiSafetyChecker safety;
    private final List<MultiSimNode> nodes = new ArrayList<>();
    private final List<MultiSimClient> clients = new ArrayList<>();
    private final Map<String, StringWriter> traceTexts = new LinkedHashMap<>();
    private final List<TraceWriter> traces = new ArrayList<>();
    private final boolean traced;
    private long steps;

    private MultiSimulation(long seed, FaultProfile profile, Set<Bug> bugs, boolean traced) {
        this.seed = seed;
        this.profile = profile;
        this.traced = traced;
        this.env = new SimEnvironment(seed, profile, SimTiming.DEFAULT);
        int nodeCount = Cluster.NODES_MIN + env.random().nextInt(NODES_MAX - Cluster.NODES_MIN + 1);
        int clientCount = CLIENTS_MIN + env.random().nextInt(CLIENTS_MAX - CLIENTS_MIN + 1);
        this.cluster = new MultiCluster(new Cluster(nodeCount, clientCount, bugs, SimTiming.DEFAULT));
        this.safety = new MultiSafetyChecker(cluster.base().quorums());
        for (int n = 0; n < nodeCount; n++) {
            nodes.add(new MultiSimNode(n, cluster, env, this));
        }
        for (int c = 0; c < clientCount; c++) {
            clients.add(new MultiSimClient(nodeCount + c, MultiCluster.clientId(c), OPS_PER_CLIENT, env, this,
                nodeCount, SimTiming.DEFAULT.clientRetryMs()));
        }
        if (traced) {
            Map<String, Object> constants = cluster.traceConstants(
                clients.stream().flatMap(c -> c.commands().stream()).toList());
            List<String> writers = new ArrayList<>();
            for (int n = 0; n < nodeCount; n++) {
                writers.add(Cluster.nodeName(n));
            }
            for (int c = 0; c < clientCount; c++) {
                writers.add(MultiCluster.clientId(c));
            }
            for (String writer : writers) {
                StringWriter text = new StringWriter();
                traceTexts.put(writer, text);
                traces.add(new TraceWriter(text, "MultiPaxos", writer, constants));
            }
        }
    }

    /** Runs one seed until every client is answered after the heal, a violation, or the liveness bound. */
    public static SeedResult run(long seed, FaultProfile profile, Set<Bug> bugs) {
        return new MultiSimulation(seed, profile, bugs, true).run();
    }

    /** The same run without writing traces (the result has none). */
    public static SeedResult runUntraced(long seed, FaultProfile profile, Set<Bug> bugs) {
        return new MultiSimulation(seed, profile, bugs, false).run();
    }

    private SeedResult run() {
        env.begin(nodes);
        for (int c = 0; c < clients.size(); c++) {
            env.schedule(env.random().nextLong(SimTiming.DEFAULT.clientRetryMs()),
                new SimEvent.ClientTimer(nodes.size() + c));
        }
        Optional<Violation> violation = loop().or(this::checkHistory);
        traces.forEach(TraceWriter::flush);
        Map<String, String> traceByNode = new LinkedHashMap<>();
        traceTexts.forEach((node, text) -> traceByNode.put(node, text.toString()));
        return new SeedResult(seed, nodes.size(), steps, env.faultCount(), violation, traceByNode);
    }

    /** Runs until every client is answered after the heal, or a violation; a failed assertion is one too. */
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
            if (safety.violation().isPresent()) {
                return safety.violation();
            }
            if (env.healed() && clients.stream().allMatch(MultiSimClient::done)) {
                return Optional.empty();
            }
            if (env.stepsSinceHeal(steps) > profile.healStepsMax()) {
                return Optional.of(new Violation("Liveness", "some client was still waiting " + profile.healStepsMax()
                    + " steps after the heal; chosen " + safety.chosenLog(), steps));
            }
        }
    }

    private void dispatch(SimEvent event) {
        if (event instanceof SimEvent.Deliver deliver) {
            Envelope envelope = deliver.envelope();
            if (envelope.to() >= nodes.size()) {
                clients.get(envelope.to() - nodes.size()).onReply(envelope);
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

    /** The clients' history, answered increments and pending ones, is linearizable on the counter. */
    private Optional<Violation> checkHistory() {
        List<HistoryOp> history = clients.stream().flatMap(c -> c.history().stream()).toList();
        if (!LinearizabilityChecker.isLinearizable(history, CounterKvStore::new)) {
            return Optional.of(new Violation("Linearizability", "history " + history, steps));
        }
        return Optional.empty();
    }

    @Override
    public void executed(int address, long clock, Step.Ready ready) {
        safety.executed(ready, steps);
        if (traced) {
            traces.get(address).write(clock, ready);
        }
    }
}
