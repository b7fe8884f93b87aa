package dev.paxosref.sim;

import dev.paxosref.core.MultiClient;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A client that runs opsMax operations of the whole command set (increment, counter get, put, get, compare-and-set),
 * one at a time, over a few shared keys and one key only it writes. It sends each request to the node most likely to
 * lead (the highest id) and, when its timer fires unanswered, resubmits it to a random node. It keeps the history
 * the linearizability and read-your-writes checks read.
 */
final class MultiSimClient implements SimEnvironment.Client {
    private static final int SHARED_KEYS = 2;

    private final int address;
    private final String clientId;
    private final int opsMax;
    private final SimWorld world;
    private final StepRecorder<MultiMessage> recorder;
    private final int nodeCount;
    private final long retryMs;
    private final MultiClient core;
    private final List<HistoryOp> completed = new ArrayList<>();
    private int opsSubmitted;
    /** The operation in flight, or null between operations. */
    private Command pending;
    private long pendingInvokedMs;
    private long clock;

    MultiSimClient(int address, String clientId, int opsMax, SimWorld world, StepRecorder<MultiMessage> recorder,
                   int nodeCount, long retryMs) {
        this.address = address;
        this.clientId = clientId;
        this.opsMax = opsMax;
        this.world = world;
        this.recorder = recorder;
        this.nodeCount = nodeCount;
        this.retryMs = retryMs;
        this.core = new MultiClient(clientId);
    }

    /** Every operation submitted was answered and no more are to come. */
    boolean done() {
        return pending == null && opsSubmitted == opsMax;
    }

    /** The key only this client writes, so that it can check it reads its own writes. */
    String ownKey() {
        return "own-" + clientId;
    }

    /** An operation of the whole command set, on a shared key or this client's own. */
    private Command randomCommand() {
        SplittableRandom random = world.random();
        int k = random.nextInt(SHARED_KEYS + 1);
        String key = k == SHARED_KEYS ? ownKey() : "k" + k;
        String value = "v" + random.nextInt(10);
        return switch (random.nextInt(5)) {
            case 0 -> new Command.Increment();
            case 1 -> new Command.CounterGet();
            case 2 -> new Command.Put(key, value);
            case 3 -> new Command.Get(key);
            default -> new Command.Cas(key, random.nextBoolean() ? "nil" : "v" + random.nextInt(10), value);
        };
    }

    /** The timer: submit the next operation, or resubmit the one still unanswered. */
    @Override
    public void onTimer() {
        if (done()) {
            return;
        }
        if (pending == null) {
            submitNext();
        } else {
            send(core.Resubmit(), world.random().nextInt(nodeCount));
        }
        world.schedule(retryMs, new SimEvent.ClientTimer(address));
    }

    private void submitNext() {
        opsSubmitted++;
        pending = randomCommand();
        pendingInvokedMs = world.nowMs();
        send(core.Submit(pending), nodeCount - 1);
    }

    /** Submit and Resubmit are enabled whenever this client calls them: the last answered, or one unanswered. */
    private void send(Step<MultiMessage> step, int node) {
        Step.Ready<MultiMessage> ready = (Step.Ready<MultiMessage>) step;
        record(ready);
        ready.send().forEach(m -> world.send(new Envelope(address, node, new Wire.MultiPaxos(m), clock)));
    }

    @Override
    public void deliver(Envelope envelope) {
        clock = Math.max(clock, envelope.clock());
        if (envelope.payload() instanceof Wire.MultiPaxos multi
            && multi.message() instanceof MultiMessage.Reply reply) {
            onReply(reply);
        }
    }

    private void onReply(MultiMessage.Reply reply) {
        boolean answersPending = pending != null && core.reply().isEmpty()
            && core.request().orElseThrow().equals(reply.cmd());
        record((Step.Ready<MultiMessage>) core.ReceiveReply(reply.cmd(), reply.result()));
        if (answersPending) {
            completed.add(new HistoryOp(clientId, pending, pendingInvokedMs, world.nowMs(), reply.result()));
            pending = null;
            if (opsSubmitted < opsMax) {
                submitNext(); // at once, so that histories overlap across clients; the timer retries it
            }
        }
    }

    private void record(Step.Ready<MultiMessage> ready) {
        clock++;
        recorder.executed(address, clock, ready);
    }

    /** What this client saw: its answered operations, and the unanswered one, which may or may not have run. */
    List<HistoryOp> history() {
        List<HistoryOp> history = new ArrayList<>(completed);
        if (pending != null) {
            history.add(HistoryOp.pending(clientId, pending, pendingInvokedMs));
        }
        return history;
    }
}
