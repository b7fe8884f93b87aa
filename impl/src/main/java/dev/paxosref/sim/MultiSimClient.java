package dev.paxosref.sim;

import dev.paxosref.core.MultiClient;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.Step;
import dev.paxosref.core.rsm.ClientRequest;
import dev.paxosref.core.rsm.Command;
import dev.paxosref.core.rsm.CommandCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client that submits its commands one at a time (sequence numbers 1, 2, ...): increments, or the
 * reconfigurations of an administrator. It
 * sends each request to the node most likely to lead (the highest id) and, when its timer fires unanswered,
 * resubmits it to a random node. It keeps the history the linearizability check reads.
 */
final class MultiSimClient implements SimEnvironment.Client {
    private final int address;
    private final String clientId;
    private final List<Command> ops;
    private final SimWorld world;
    private final StepRecorder<MultiMessage> recorder;
    private final int nodeCount;
    private final long retryMs;
    private final MultiClient core = new MultiClient();
    private final List<HistoryOp> completed = new ArrayList<>();
    private long seq;
    /** The command in flight, or null between commands. */
    private String pending;
    private long pendingInvokedMs;
    private long clock;

    MultiSimClient(int address, String clientId, List<Command> ops, SimWorld world, StepRecorder<MultiMessage> recorder,
                   int nodeCount,
                   long retryMs) {
        this.address = address;
        this.clientId = clientId;
        this.ops = List.copyOf(ops);
        this.world = world;
        this.recorder = recorder;
        this.nodeCount = nodeCount;
        this.retryMs = retryMs;
    }

    /** Every command submitted was answered and no more are to come. */
    boolean done() {
        return pending == null && seq == ops.size();
    }

    /** Every command this client will submit, for the trace header's Command constant. */
    List<String> commands() {
        List<String> commands = new ArrayList<>();
        for (long s = 1; s <= ops.size(); s++) {
            commands.add(command(s));
        }
        return commands;
    }

    private String command(long s) {
        return CommandCodec.encode(new ClientRequest(clientId, s, op(s)));
    }

    private Command op(long s) {
        return ops.get((int) s - 1);
    }

    /** The timer: submit the next command, or resubmit the one still unanswered. */
    @Override
    public void onTimer() {
        if (done()) {
            return;
        }
        if (pending == null) {
            submitNext();
        } else {
            send(core.Resubmit(pending), world.random(SeedSplit.Subsystem.CLIENTS).nextInt(nodeCount));
        }
        world.schedule(retryMs, new SimEvent.ClientTimer(address));
    }

    private void submitNext() {
        seq++;
        pending = command(seq);
        pendingInvokedMs = world.nowMs();
        send(core.Submit(pending), nodeCount - 1);
    }

    /** Submit and Resubmit are enabled whenever this client calls them: a fresh command, or one unanswered. */
    private void send(Step<MultiMessage> step, int node) {
        if (step instanceof Step.Ready<MultiMessage> ready) {
            record(ready);
            ready.send().forEach(m -> world.send(new Envelope(address, node, new Wire.MultiPaxos(m), clock)));
        }
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
        boolean first = core.ackOf(reply.cmd()).isEmpty();
        record(core.ReceiveReply(reply.cmd(), reply.result()));
        if (first && reply.cmd().equals(pending)) {
            completed.add(new HistoryOp(clientId, op(seq), pendingInvokedMs, world.nowMs(),
                reply.result()));
            pending = null;
            if (seq < ops.size()) {
                submitNext(); // at once, so that histories overlap across clients; the timer retries it
            }
        }
    }

    private void record(Step.Ready<MultiMessage> ready) {
        clock++;
        recorder.executed(address, clock, ready);
    }

    /** What this client saw: its answered increments, and the unanswered one, which may or may not have run. */
    List<HistoryOp> history() {
        List<HistoryOp> history = new ArrayList<>(completed);
        Optional.ofNullable(pending).ifPresent(c ->
            history.add(HistoryOp.pending(clientId, op(seq), pendingInvokedMs)));
        return history;
    }
}
