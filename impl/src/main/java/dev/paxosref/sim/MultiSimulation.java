package dev.paxosref.sim;

import dev.paxosref.core.Configurations;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.Command;
import dev.paxosref.core.rsm.CounterKvStore;
import dev.paxosref.sim.mutant.Mutant;
import dev.paxosref.sim.mutant.Mutants;
import dev.paxosref.trace.TraceWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Multi-Paxos seed: 3 to 5 nodes, each a proposer, an acceptor and a replica, and 2 to 4 clients that each
 * increment the counter a few times, run in one thread on virtual time. During the fault phase the network, the
 * disks and the nodes fail; after the heal every client must get every answer within healStepsMax steps. Safety
 * is checked after every step, linearizability of the clients' history at the end. Under the reconfig profile
 * the cluster has four nodes, a1..a3 serve first, Alpha is 1 to 3, and one more client, the administrator, adds
 * a4 and then removes a1 through the log (MultiPaxosReconfig.tla), while the others increment.
 */
public final class MultiSimulation implements StepRecorder<MultiMessage> {
    private static final int NODES_MAX = 5;
    private static final int CLIENTS_MIN = 2;
    private static final int CLIENTS_MAX = 4;
    /** Increments per client; clients times this stays far below LinearizabilityChecker.OPERATIONS_MAX. */
    private static final int OPS_PER_CLIENT = 4;
    /** The reconfig profile's universe: a1..a3 serve first, a4 joins, then a1 leaves. */
    private static final int RECONFIG_NODES = 4;
    private static final int ALPHA_MAX = 3;

    private final long seed;
    private final FaultProfile profile;
    private final SimEnvironment env;
    private final MultiCluster cluster;
    private final MultiSafetyChecker safety;
    private final List<MultiSimNode> nodes = new ArrayList<>();
    private final List<MultiSimClient> clients = new ArrayList<>();
    private final TraceSet<MultiMessage> traces;
    private final boolean historyChecked;
    private long steps;

    private MultiSimulation(long seed, FaultProfile profile, Set<Mutant> mutants, boolean traced) {
        this(seed, profile, mutants, traced, OPS_PER_CLIENT);
    }

    private MultiSimulation(long seed, FaultProfile profile, Set<Mutant> mutants, boolean traced, int opsPerClient) {
        this.seed = seed;
        this.profile = profile;
        this.env = new SimEnvironment(seed, profile, SimTiming.DEFAULT);
        boolean reconfigures = profile.reconfigures();
        int nodeCount = reconfigures ? RECONFIG_NODES
            : Cluster.NODES_MIN + env.random().nextInt(NODES_MAX - Cluster.NODES_MIN + 1);
        int incrementers = CLIENTS_MIN + env.random().nextInt(CLIENTS_MAX - CLIENTS_MIN + 1);
        int clientCount = reconfigures ? incrementers + 1 : incrementers;
        Mutants roles = new Mutants(mutants);
        roles.requireInMultiPaxos(reconfigures);
        Cluster base = new Cluster(nodeCount, clientCount, roles, SimTiming.DEFAULT);
        Optional<Configurations> reconfiguration = reconfigures
            ? Optional.of(new Configurations(new TreeSet<>(base.acceptors().subList(0, 3)),
                1 + env.random().nextInt(ALPHA_MAX)))
            : Optional.empty();
        this.cluster = new MultiCluster(base, reconfiguration);
        this.safety = new MultiSafetyChecker(base.quorums(), reconfiguration);
        for (int n = 0; n < nodeCount; n++) {
            nodes.add(new MultiSimNode(n, cluster, env, this));
        }
        for (int c = 0; c < clientCount; c++) {
            List<Command> ops = c < incrementers ? Collections.nCopies(opsPerClient, new Command.Increment())
                : addThenRemove(base.acceptors());
            clients.add(new MultiSimClient(nodeCount + c, MultiCluster.clientId(c), ops, env, this,
                nodeCount, SimTiming.DEFAULT.clientRetryMs()));
        }
        List<String> writerNames = new ArrayList<>();
        for (int n = 0; n < nodeCount; n++) {
            writerNames.add(Cluster.nodeName(n));
        }
        for (int c = 0; c < clientCount; c++) {
            writerNames.add(MultiCluster.clientId(c));
        }
        Map<String, Object> constants =
            cluster.traceConstants(clients.stream().flatMap(c -> c.commands().stream()).toList());
        this.traces = new TraceSet<>(traced, writerNames, (out, name) -> reconfigures
            ? TraceWriter.multiPaxosReconfig(out, name, constants) : TraceWriter.multiPaxos(out, name, constants));
        this.historyChecked = clientCount * opsPerClient <= LinearizabilityChecker.OPERATIONS_MAX;
    }

    /** The administrator's commands: a1..a3 serve first; add a4, then remove a1. */
    private static List<Command> addThenRemove(List<String> universe) {
        return List.of(new Command.Reconfig(new TreeSet<>(universe)),
            new Command.Reconfig(new TreeSet<>(universe.subList(1, universe.size()))));
    }

    /** Runs one seed until every client is answered after the heal, a violation, or the liveness bound. */
    public static SeedResult run(long seed, FaultProfile profile, Set<Mutant> mutants) {
        return new MultiSimulation(seed, profile, mutants, true).run();
    }

    /**
     * A traced run whose clients each send {@code opsPerClient} increments: long traces for benchmarks. Safety is
     * checked after every step as always; the history only if it is short enough for the linearizability checker.
     */
    public static SeedResult runLong(long seed, FaultProfile profile, int opsPerClient) {
        return new MultiSimulation(seed, profile, Set.of(), true, opsPerClient).run();
    }

    /** The same run without writing traces (the result has none). */
    public static SeedResult runUntraced(long seed, FaultProfile profile, Set<Mutant> mutants) {
        return new MultiSimulation(seed, profile, mutants, false).run();
    }

    private SeedResult run() {
        env.begin(nodes, clients, SimTiming.DEFAULT.clientRetryMs());
        Optional<Violation> violation = Violation.catching(this::steps, () -> steps).or(this::checkHistory);
        return new SeedResult(seed, nodes.size(), steps, env.faultCount(), violation, traces.texts());
    }

    private Optional<Violation> steps() {
        while (true) {
            SimEvent event = env.next();
            steps++;
            env.dispatch(event, steps);
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

    /** The clients' history, answered increments and pending ones, is linearizable on the counter. */
    private Optional<Violation> checkHistory() {
        if (!historyChecked) {
            return Optional.empty();
        }
        List<HistoryOp> history = clients.stream().flatMap(c -> c.history().stream()).toList();
        if (!LinearizabilityChecker.isLinearizable(history, CounterKvStore::new)) {
            return Optional.of(new Violation("Linearizability", "history " + history, steps));
        }
        return Optional.empty();
    }

    @Override
    public void executed(int address, long clock, Step.Ready<MultiMessage> ready) {
        safety.executed(ready, steps);
        traces.write(address, clock, ready);
    }
}
