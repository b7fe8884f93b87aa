package dev.paxosref.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The world a simulation's nodes live in, whatever protocol they run: virtual time, the seeded randomness, the
 * lying network, and the chaos that crashes, restarts and partitions nodes until the heal. Both the single-decree
 * and the Multi-Paxos simulation run in one.
 */
final class SimEnvironment implements SimWorld {
    /** What chaos and the heal may do to a node. */
    interface Node {
        boolean up();

        void start();

        void crash();
    }

    private final FaultProfile profile;
    private final SimTiming timing;
    private final SplittableRandom random;
    private final EventQueue events = new EventQueue();
    private SimNetwork network;
    private List<? extends Node> nodes = List.of();
    private boolean healed;
    private long healedAtStep;
    private long crashCount;
    private long partitionCount;
    private long crashDuringWriteCount;

    SimEnvironment(long seed, FaultProfile profile, SimTiming timing) {
        this.profile = profile;
        this.timing = timing;
        this.random = new SplittableRandom(seed);
    }

    /** Wires in the nodes (addresses 0 .. n-1; clients come after), starts them and schedules chaos and the heal. */
    void begin(List<? extends Node> simNodes) {
        this.nodes = List.copyOf(simNodes);
        this.network = new SimNetwork(this, nodes.size());
        events.schedule(profile.faultPhaseMs(), new SimEvent.Heal());
        if (profile.faultPhaseMs() > 0) {
            events.schedule(timing.chaosIntervalMs(), new SimEvent.Chaos());
        }
        nodes.forEach(Node::start);
    }

    SimEvent next() {
        return events.next();
    }

    /** Whether a message between these addresses may arrive now (a partition cuts links between nodes). */
    boolean linkUp(int from, int to) {
        return network.linkUp(from, to);
    }

    /** During the fault phase: perhaps crash or restart a random node, and partition or heal the network. */
    void chaos() {
        if (healed) {
            return;
        }
        Node victim = nodes.get(random.nextInt(nodes.size()));
        if (victim.up() && random.nextDouble() < profile.crashProbability()) {
            victim.crash();
            crashCount++;
        } else if (!victim.up() && random.nextDouble() < profile.restartProbability()) {
            victim.start();
        }
        if (random.nextDouble() < profile.partitionProbability()) {
            network.partitionRandomly();
            partitionCount++;
        } else if (random.nextDouble() < profile.healProbability()) {
            network.heal();
        }
        events.schedule(timing.chaosIntervalMs(), new SimEvent.Chaos());
    }

    /** The fault phase ends at step {@code step}: partitions heal, crashed nodes restart, the network stops lying. */
    void heal(long step) {
        healed = true;
        healedAtStep = step;
        network.heal();
        nodes.stream().filter(n -> !n.up()).forEach(Node::start);
    }

    boolean healed() {
        return healed;
    }

    /** Steps since the heal; zero before it. */
    long stepsSinceHeal(long step) {
        return healed ? step - healedAtStep : 0;
    }

    FaultProfile profile() {
        return profile;
    }

    /** Messages dropped or duplicated, crashes (during a write or not) and partitions so far. */
    long faultCount() {
        return network.faultCount() + crashCount + partitionCount + crashDuringWriteCount;
    }

    @Override
    public long nowMs() {
        return events.nowMs();
    }

    @Override
    public SplittableRandom random() {
        return random;
    }

    @Override
    public FaultProfile faults() {
        return healed ? FaultProfile.NONE : profile;
    }

    @Override
    public void schedule(long delayMs, SimEvent event) {
        events.schedule(delayMs, event);
    }

    @Override
    public void send(Envelope envelope) {
        network.send(envelope);
    }

    @Override
    public void countCrashDuringWrite() {
        crashDuringWriteCount++;
    }
}
