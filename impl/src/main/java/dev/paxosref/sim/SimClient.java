package dev.paxosref.sim;

import dev.paxosref.core.rsm.ClientRequest;
import dev.paxosref.core.rsm.CommandCodec;
import java.util.Optional;

/**
 * A client with one request (single-decree Paxos decides one value): it asks every node, retries until a node
 * that learned the decision answers, and records what it saw for the linearizability check.
 */
final class SimClient implements SimEnvironment.Client {
    private final int address;
    private final ClientRequest request;
    private final String value;
    private final SimWorld world;
    private final int nodeCount;
    private final long retryMs;
    private long invokeMs = -1;
    private boolean answered;
    private String result;
    private long responseMs;

    SimClient(int address, ClientRequest request, SimWorld world, int nodeCount, long retryMs) {
        this.address = address;
        this.request = request;
        this.value = CommandCodec.encode(request);
        this.world = world;
        this.nodeCount = nodeCount;
        this.retryMs = retryMs;
    }

    String value() {
        return value;
    }

    boolean answered() {
        return answered;
    }

    /** The result, if the request was chosen and answered. */
    Optional<String> result() {
        return Optional.ofNullable(result);
    }

    /** The first call invokes the request; later ones retry it until it is answered. */
    @Override
    public void onTimer() {
        if (answered) {
            return;
        }
        if (invokeMs < 0) {
            invokeMs = world.nowMs();
        }
        for (int n = 0; n < nodeCount; n++) {
            world.send(new Envelope(address, n, new Wire.Request(address, value), 0));
        }
        world.schedule(retryMs, new SimEvent.ClientTimer(address));
    }

    @Override
    public void deliver(Envelope envelope) {
        if (envelope.payload() instanceof Wire.Response response && !answered && response.value().equals(value)) {
            answered = true;
            result = response.result();
            responseMs = world.nowMs();
        }
    }

    /**
     * This client's operation for the history: completed if chosen and answered, pending if unanswered, and
     * absent if another value was decided, since then it certainly never ran.
     */
    Optional<HistoryOp> historyOp() {
        if (!answered) {
            return Optional.of(HistoryOp.pending(request.clientId(), request.command(), invokeMs));
        }
        return result().map(r -> new HistoryOp(request.clientId(), request.command(), invokeMs, responseMs, r));
    }
}
