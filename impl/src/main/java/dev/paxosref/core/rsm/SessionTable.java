package dev.paxosref.core.rsm;

import dev.paxosref.core.Invariant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each client's last executed sequence number and reply, so a retried request is answered, not re-executed. */
public final class SessionTable {
    private final Map<String, Reply> lastReplyByClient = new HashMap<>();

    public SessionTable() {
    }

    /** A table holding the given last replies, as a replica's snapshot recorded them. */
    public SessionTable(Collection<Reply> lastReplies) {
        lastReplies.forEach(this::record);
    }

    /** Each client's last reply, in client order. */
    public List<Reply> lastReplies() {
        return lastReplyByClient.values().stream().sorted(Comparator.comparing(Reply::clientId)).toList();
    }

    /** The saved reply if this request was already executed; requests older than the last one are answered too. */
    public Optional<Reply> duplicateOf(ClientRequest request) {
        Reply last = lastReplyByClient.get(request.clientId());
        return last != null && request.seq() <= last.seq() ? Optional.of(last) : Optional.empty();
    }

    public void record(Reply reply) {
        Reply previous = lastReplyByClient.put(reply.clientId(), reply);
        Invariant.check(previous == null || previous.seq() < reply.seq(),
            () -> "sequence numbers must grow: " + previous + " " + reply);
    }
}
