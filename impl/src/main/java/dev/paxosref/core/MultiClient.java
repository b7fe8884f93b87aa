package dev.paxosref.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MultiPaxos.tla: one client's part of submitted and acked. The spec's client variables are global; each client
 * owns the commands it submits, so the union over clients is the spec's value. Since neither is a function of the
 * client, a step reports no post-state (as Paxos.tla's Propose does): a trace's state means var[node].
 */
public final class MultiClient {
    private final Set<String> submitted = new LinkedHashSet<>();
    /** acked: the pairs <<c, n>> received, as lists; two replies for one command differ only if a replica erred. */
    private final Set<List<String>> acked = new LinkedHashSet<>();

    /** The first result received for c. */
    public Optional<String> ackOf(String c) {
        return acked.stream().filter(ack -> ack.get(0).equals(c)).map(ack -> ack.get(1)).findFirst();
    }

    /** MultiPaxos.tla: Submit(c). */
    public Step<MultiMessage> Submit(String c) {
        if (submitted.contains(c)) {
            return new Step.NotEnabled<>("Submit", "c \\notin submitted");
        }
        submitted.add(c);
        return new Step.Ready<>(Action.of("Submit", "c", c), List.of(), Optional.empty(),
            List.of(new MultiMessage.Request(c)), Map.of());
    }

    /**
     * MultiPaxos.tla: Resubmit(c). The conjunct ~InFlight(request) abstracts the client's timer; the caller's
     * timer stands for it, since no node can see the whole network.
     */
    public Step<MultiMessage> Resubmit(String c) {
        if (!submitted.contains(c)) {
            return new Step.NotEnabled<>("Resubmit", "c \\in submitted");
        }
        if (ackOf(c).isPresent()) {
            return new Step.NotEnabled<>("Resubmit", "~\\E ack \\in acked : ack[1] = c");
        }
        return new Step.Ready<>(Action.of("Resubmit", "c", c), List.of(), Optional.empty(),
            List.of(new MultiMessage.Request(c)), Map.of());
    }

    /** MultiPaxos.tla: ReceiveReply(c, n). */
    public Step.Ready<MultiMessage> ReceiveReply(String c, String n) {
        acked.add(List.of(c, n));
        return new Step.Ready<>(Action.of("ReceiveReply", "c", c, "n", n), List.of(new MultiMessage.Reply(c, n)),
            Optional.empty(), List.of(), Map.of());
    }
}
