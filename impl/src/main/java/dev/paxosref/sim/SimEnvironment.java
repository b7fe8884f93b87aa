package dev.paxosref.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The world a simulation's nodes live in, whatever protocol they run: virtual time, the seed's randomness (a stream per subsystem), the
 * lying network, and the chaos that crashes, restarts and partitions nodes until the heal. Both the single-decree
 * and the Multi-Paxos simulation run in one.
 */
final class SimEnvironment implements SimWorld {
    /** A server: chaos and the heal crash and start it; it takes deliveries and its timers. */
    interface Server {
        boolean up();

        void start();

        void crash();

        void deliver(Envelope envelope);

        void onTimer(SimEvent.NodeTimer timer);
    }

    /** A client, outside every partition: it takes replies and its retry timer. */
    interface Client {
        void deliver(Envelope envelope);

        void onTimer();
    }

    private final FaultProfile profile;
    private final SimTiming timing;
    private final SeedSplit seeds;
    /** Chaos's own stream: which node, crash or restart, partition or heal. */
    private final SplittableRandom chaos;
    private final EventQueue events = new EventQueue();
    private SimNetwork network;
    private List<? extends Server> nodes = List.of();
    private List<? extends Client> clients = List.of();
    private boolean healed;
    private long healedAtStep;
    private long crashCount;
    private long partitionCount;
    private long crashDuringWriteCount;

    SimEnvironment(long seed, FaultProfile profile, SimTiming timing) {
        this.profile = profile;
        this.timing = timing;
        this.seeds = new SeedSplit(seed);
        this.chaos = seeds.of(SeedSplit.Subsystem.FAULTS);
    }

    /**
     * Wires in the nodes (addresses 0 .. n-1) and the clients (addresses n, n+1, ...), starts the nodes, schedules
     * chaos and the heal, and each client's first timer within its retry period.
     */
    void begin(List<? extends Server> simNodes, List<? extends Client> simClients, long clientRetryMs) {
        this.nodes = List.copyOf(simNodes);
        this.clients = List.copyOf(simClients);
        this.network = new SimNetwork(this, nodes.size());
        events.schedule(profile.faultPhaseMs(), new SimEvent.Heal());
        if (profile.faultPhaseMs() > 0) {
            events.schedule(timing.chaosIntervalMs(), new SimEvent.Chaos());
        }
        nodes.forEach(Server::start);
        for (int c = 0; c < clients.size(); c++) {
            events.schedule(seeds.of(SeedSplit.Subsystem.CLIENTS).nextLong(clientRetryMs), new SimEvent.ClientTimer(nodes.size() + c));
        }
    }

    /** Carries out one event; {@code step} is its number, which the heal remembers. */
    void dispatch(SimEvent event, long step) {
        if (event instanceof SimEvent.Deliver deliver) {
            Envelope envelope = deliver.envelope();
            if (envelope.to() >= nodes.size()) {
                clients.get(envelope.to() - nodes.size()).deliver(envelope);
            } else if (network.linkUp(envelope.from(), envelope.to())) {
                nodes.get(envelope.to()).deliver(envelope);
            }
        } else if (event instanceof SimEvent.NodeTimer timer) {
            nodes.get(timer.node()).onTimer(timer);
        } else if (event instanceof SimEvent.ClientTimer timer) {
            clients.get(timer.clientAddress() - nodes.size()).onTimer();
        } else if (event instanceof SimEvent.Chaos) {
            chaos();
        } else {
            heal(step);
        }
    }

    SimEvent next() {
        return events.next();
    }

    /** During the fault phase: perhaps crash or restart a random node, and partition or heal the network. */
    private void chaos() {
        if (healed) {
            return;
        }
        Server victim = nodes.get(chaos.nextInt(nodes.size()));
        if (victim.up() && chaos.nextDouble() < profile.crashProbability()) {
            victim.crash();
            crashCount++;
        } else if (!victim.up() && chaos.nextDouble() < profile.restartProbability()) {
            victim.start();
        }
        if (chaos.nextDouble() < profile.partitionProbability()) {
            network.partitionRandomly();
            partitionCount++;
        } else if (chaos.nextDouble() < profile.healProbability()) {
            network.heal();
        }
        events.schedule(timing.chaosIntervalMs(), new SimEvent.Chaos());
    }

    /** The fault phase ends at step {@code step}: partitions heal, crashed nodes restart, the network stops lying. */
    private void heal(long step) {
        healed = true;
        healedAtStep = step;
        network.heal();
        nodes.stream().filter(n -> !n.up()).forEach(Server::start);
    }

    boolean healed() {
        return healed;
    }

    /** Steps since the heal; zero before it. */
    long stepsSinceHeal(long step) {
        return healed ? step - healedAtStep : 0;
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
    public SplittableRandom random(SeedSplit.Subsystem subsystem) {
        return seeds.of(subsystem);
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
