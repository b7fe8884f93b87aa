package dev.paxosref.sim;

import dev.paxosref.core.MultiClient;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.ClientRequest;
import dev.paxosref.core.rsm.Command;
import dev.paxosref.core.rsm.CommandCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * A client that runs its operations one at a time (sequence numbers 1, 2, ...), as MultiPaxos.tla's client does:
 * the next only once the last is answered. It sends each request to the node most likely to lead (the highest id)
 * and, when its timer fires unanswered, resubmits it to a random node. It keeps the history the linearizability and
 * read-your-writes checks read.
 */
final class MultiSimClient implements SimEnvironment.Client {
    private final int address;
    private final String clientId;
    private final List<Command> ops;
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

    MultiSimClient(int address, String clientId, List<Command> ops, SimWorld world, StepRecorder<MultiMessage> recorder,
                   int nodeCount, long retryMs) {
        this.address = address;
        this.clientId = clientId;
        this.ops = List.copyOf(ops);
        this.world = world;
        this.recorder = recorder;
        this.nodeCount = nodeCount;
        this.retryMs = retryMs;
        this.core = new MultiClient(clientId);
    }

    /** Every operation submitted was answered and no more are to come. */
    boolean done() {
        return pending == null && opsSubmitted == ops.size();
    }

    /** Every command this client will submit, for the trace header. */
    List<String> commands() {
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            commands.add(CommandCodec.encode(new ClientRequest(clientId, i + 1, ops.get(i))));
        }
        return commands;
    }

    /** The key only this client writes, so that it can check it reads its own writes. */
    static String ownKey(String clientId) {
        return "own-" + clientId;
    }

    String ownKey() {
        return ownKey(clientId);
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
            send(core.Resubmit(), world.random(SeedSplit.Subsystem.CLIENTS).nextInt(nodeCount));
        }
        world.schedule(retryMs, new SimEvent.ClientTimer(address));
    }

    private void submitNext() {
        pending = ops.get(opsSubmitted++);
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
            if (opsSubmitted < ops.size()) {
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
