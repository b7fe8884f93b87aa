package dev.paxosref.sim;

import dev.paxosref.core.Durable;
import dev.paxosref.core.ElectionStep;
import dev.paxosref.core.Invariant;
import dev.paxosref.core.LeaderElection;
import dev.paxosref.core.Step;
import dev.paxosref.node.NodeStore;

/**
 * What every simulated server does the same way, whatever roles it hosts: the etcd-raft discipline (persist a
 * step's durable state, sync, then record the step and send its messages), the Lamport clock its trace events
 * carry, and the incarnation that lets a restart cancel the timers of the life before. {@code M} is the protocol's
 * message family.
 */
abstract class SimServer<M> implements SimEnvironment.Node {
    protected final int index;
    protected final SimWorld world;
    protected final SimDisk disk = new SimDisk();
    private final StepRecorder<M> recorder;
    protected boolean up;
    protected long incarnation;
    /** The Lamport clock; it survives a crash here so that each node's trace file stays in clock order. */
    private long clock;

    SimServer(int index, SimWorld world, StepRecorder<M> recorder) {
        this.index = index;
        this.world = world;
        this.recorder = recorder;
    }

    @Override
    public boolean up() {
        return up;
    }

    /** Crash: the volatile state is gone and the disk keeps what it keeps. */
    @Override
    public void crash() {
        Invariant.check(up, () -> "node " + index + " crashes while down");
        disk.crash(world.random(), world.faults());
        goDown();
    }

    /** The store of the roles' durable state, on {@link #disk}. */
    protected abstract NodeStore store();

    /** The node is down: its timers die with this life. */
    protected final void goDown() {
        up = false;
        incarnation++;
        restartFromDisk();
    }

    /** Rebuild the roles from disk, forget the volatile rest, and record the spec's crash actions. */
    protected abstract void restartFromDisk();

    /** The node is up: its timers start from a random phase so that nodes do not tick in lockstep. */
    protected void comeUp(long jitterMsMax, SimEvent.NodeTimer.Kind... kinds) {
        Invariant.check(!up, () -> "node " + index + " comes up while up");
        up = true;
        for (SimEvent.NodeTimer.Kind kind : kinds) {
            world.schedule(world.random().nextLong(jitterMsMax) + 1, new SimEvent.NodeTimer(index, kind, incarnation));
        }
    }

    /** One message a committed step sent. */
    protected abstract void sent(M m);

    /** Whether a timer belongs to this life of a live node. */
    protected boolean current(SimEvent.NodeTimer timer) {
        return up && timer.incarnation() == incarnation;
    }

    /** A down node hears nothing; a live one advances its Lamport clock past the sender's, then handles it. */
    @Override
    public final void deliver(Envelope envelope) {
        if (!up) {
            return;
        }
        clock = Math.max(clock, envelope.clock());
        Wire payload = envelope.payload();
        if (payload instanceof Wire.Heartbeat heartbeat) {
            onHeartbeat(heartbeat);
        } else {
            receive(payload);
        }
    }

    protected abstract void onHeartbeat(Wire.Heartbeat heartbeat);

    /** Boots the election, or recovers the one of the life before (MultiPaxosElection.tla: Recover). */
    protected static LeaderElection bootElection(LeaderElection before, int index, int nodeCount,
                                                 LeaderElection.Config config) {
        if (before == null) {
            return new LeaderElection(index, nodeCount, config);
        }
        before.Recover();
        return before;
    }

    /** The heartbeat timer: the election's Heartbeat to every other node. */
    protected final void onHeartbeatTimer(LeaderElection election) {
        if (election.Heartbeat() instanceof ElectionStep.Ready ready) {
            ready.send().forEach(h -> send(h.to(), new Wire.Heartbeat(h.from())));
        }
    }

    /** A protocol message or client request delivered to this live node. */
    protected abstract void receive(Wire payload);

    /**
     * Carries out a step: persist, sync, then record and send. A crash may strike between the write and the sync;
     * then the action happened only if its write survived, and its messages are lost either way.
     */
    protected boolean commit(Step<M> step) {
        if (!(step instanceof Step.Ready<M> ready)) {
            return false;
        }
        if (ready.persist().isPresent()) {
            Durable durable = ready.persist().get();
            store().write(durable);
            if (world.random().nextDouble() < world.faults().crashDuringWriteProbability()) {
                disk.crash(world.random(), world.faults());
                world.countCrashDuringWrite();
                if (store().holds(durable)) {
                    record(ready);
                }
                goDown();
                return false;
            }
            store().sync();
        }
        record(ready);
        ready.send().forEach(this::sent);
        return true;
    }

    protected void record(Step.Ready<M> ready) {
        clock++;
        recorder.executed(index, clock, ready);
    }

    protected void send(int to, Wire payload) {
        world.send(new Envelope(index, to, payload, clock));
    }
}
