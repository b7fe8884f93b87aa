package dev.paxosref.core;

import dev.paxosref.core.rsm.ClientRequest;
import dev.paxosref.core.rsm.Command;
import dev.paxosref.core.rsm.CommandCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MultiPaxos.tla: the client c, owning cReq[c] (its last request, an encoded command) and cReply[c] (the result
 * received for it). One request at a time: the next is submitted only once the last one is answered, so the client
 * keeps no history and the replicas' session tables answer its retries.
 */
public final class MultiClient {
    private final String c;
    /** cReq[c]: the last request, or null (the spec's None) before the first. */
    private String cReq;
    /** cReply[c]: the result received for cReq, or null. */
    private String cReply;

    public MultiClient(String c) {
        this.c = c;
    }

    /** The request submitted last, if any. */
    public Optional<String> request() {
        return Optional.ofNullable(cReq);
    }

    /** The result received for the last request, if any. */
    public Optional<String> reply() {
        return Optional.ofNullable(cReply);
    }

    /** MultiPaxos.tla: Submit(c, o); the request is numbered one above the last. */
    public Step<MultiMessage> Submit(Command o) {
        if (cReq != null && cReply == null) {
            return new Step.NotEnabled<>("Submit", "cReq[c] = None \\/ cReply[c] # None");
        }
        long seq = cReq == null ? 1 : CommandCodec.decode(cReq).seq() + 1;
        cReq = CommandCodec.encode(new ClientRequest(c, seq, o));
        cReply = null;
        return new Step.Ready<>(Action.of("Submit", "c", c, "o", CommandCodec.opFields(o)), List.of(),
            Optional.empty(), List.of(new MultiMessage.Request(cReq)), vars());
    }

    /**
     * MultiPaxos.tla: Resubmit(c). The conjunct ~InFlight(request) abstracts the client's timer; the caller's
     * timer stands for it, since no node can see the whole network.
     */
    public Step<MultiMessage> Resubmit() {
        if (cReq == null) {
            return new Step.NotEnabled<>("Resubmit", "cReq[c] # None");
        }
        if (cReply != null) {
            return new Step.NotEnabled<>("Resubmit", "cReply[c] = None");
        }
        return new Step.Ready<>(Action.of("Resubmit", "c", c), List.of(), Optional.empty(),
            List.of(new MultiMessage.Request(cReq)), vars());
    }

    /**
     * MultiPaxos.tla: ReceiveReply(c, cmd, n); the first reply to the current request is kept, a copy or a reply
     * to an older request is consumed.
     */
    public Step<MultiMessage> ReceiveReply(String cmd, String n) {
        if (!CommandCodec.decode(cmd).clientId().equals(c)) {
            return new Step.NotEnabled<>("ReceiveReply", "cmd.client = c");
        }
        if (cmd.equals(cReq) && cReply == null) {
            cReply = n;
        }
        return new Step.Ready<>(Action.of("ReceiveReply", "c", c, "cmd", cmd, "n", n),
            List.of(new MultiMessage.Reply(cmd, n)), Optional.empty(), List.of(), vars());
    }

    /** The spec's variable names for this client's state, as traces show them; null is the spec's None. */
    public Map<String, Object> vars() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("cReq", cReq);
        vars.put("cReply", cReply);
        return vars;
    }
}
