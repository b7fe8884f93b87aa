package dev.paxosref.sim;

import dev.paxosref.core.Invariant;
import dev.paxosref.core.Step;
import dev.paxosref.node.Node;
import dev.paxosref.node.NodeDurable;
import dev.paxosref.node.NodeStore;
import dev.paxosref.node.Persistence;
import dev.paxosref.node.PersistThenSend;
import dev.paxosref.node.Ports;
import dev.paxosref.node.Timer;
import dev.paxosref.node.Transport;

/**
 * One simulated server, whatever protocol it runs: the node layer's real node over port doubles. The network is
 * the simulator's lying one, persistence is the node layer's {@link PersistThenSend} on a lying disk (which may
 * crash the machine between a write and its sync), the clock is virtual and randomness is the seed's. It keeps the
 * Lamport clock its trace events carry and the incarnation that lets a restart cancel the timers of the life
 * before. A crash loses everything but the disk; the node is rebuilt from what the disk kept.
 */
final class SimServer<M, D extends NodeDurable, N extends Node<M, D>>
    implements SimEnvironment.Server, Transport<M>, PersistThenSend.Outcome<M> {
    private final int index;
    private final Cluster cluster;
    private final SimWorld world;
    private final StepRecorder<M> recorder;
    private final Hosting<M, D, N> hosting;
    private final SimDisk disk;
    private final NodeStore<D> store;
    private final N node;
    private boolean up;
    private long incarnation;
    /** The Lamport clock; it survives a crash here so that each node's trace file stays in clock order. */
    private long clock;

    SimServer(int index, Cluster cluster, SimWorld world, StepRecorder<M> recorder, Hosting<M, D, N> hosting) {
        this.index = index;
        this.cluster = cluster;
        this.world = world;
        this.recorder = recorder;
        this.hosting = hosting;
        this.disk = new SimDisk(world);
        this.store = hosting.store(disk);
        Persistence<M> persistence = cluster.mutants().persistence(new PersistThenSend<>(store, this));
        Ports<M> ports = new Ports<>(this, persistence, world::nowMs,
            bound -> world.random(SeedSplit.Subsystem.CLOCK).nextLong(bound));
        this.node = hosting.node(this, ports, store.recover());
    }

    int index() {
        return index;
    }

    N node() {
        return node;
    }

    @Override
    public boolean up() {
        return up;
    }

    /** Boots (or reboots) the node: its timers start from a random phase so nodes do not tick in lockstep. */
    @Override
    public void start() {
        Invariant.check(!up, () -> "node " + index + " comes up while up");
        up = true;
        for (Timer timer : Timer.values()) {
            world.schedule(world.random(SeedSplit.Subsystem.CLOCK).nextLong(cluster.timing().jitterMsMax()) + 1,
                new SimEvent.NodeTimer(index, timer, incarnation));
        }
        node.start();
    }

    /** Crash: the volatile state is gone and the disk keeps what it keeps. */
    @Override
    public void crash() {
        Invariant.check(up, () -> "node " + index + " crashes while down");
        disk.crash();
        goDown();
    }

    /** The node is down: its timers die with this life, and it is rebuilt from what the disk kept. */
    private void goDown() {
        up = false;
        incarnation++;
        node.restart(store.recover());
    }

    /** A down node hears nothing; a live one advances its Lamport clock past the sender's, then handles it. */
    @Override
    public void deliver(Envelope envelope) {
        if (!up) {
            return;
        }
        clock = Math.max(clock, envelope.clock());
        if (envelope.payload() instanceof Wire.Heartbeat heartbeat) {
            node.onHeartbeat(heartbeat.from());
        } else {
            hosting.receive(node, envelope.payload());
        }
    }

    /** A timer of this life of a live node fires and comes back after the period the node asks for. */
    @Override
    public void onTimer(SimEvent.NodeTimer timer) {
        if (!up || timer.incarnation() != incarnation) {
            return; // a timer from before a crash
        }
        world.schedule(node.onTimer(timer.timer()), timer);
    }

    @Override
    public void executed(Step.Ready<M> ready) {
        clock++;
        recorder.executed(index, clock, ready);
    }

    @Override
    public void send(M message) {
        node.route(message);
    }

    @Override
    public void crashedDuringWrite() {
        goDown();
    }

    @Override
    public void toNode(int to, M message) {
        send(to, hosting.wrap(message));
    }

    @Override
    public void toClient(String clientId, M message) {
        send(cluster.clientAddress(clientId), hosting.wrap(message));
    }

    @Override
    public void heartbeat(int to) {
        send(to, new Wire.Heartbeat(index));
    }

    void send(int to, Wire payload) {
        world.send(new Envelope(index, to, payload, clock));
    }
}
