package dev.paxosref.trace.step;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paxosref.trace.format.LoggedMessage;
import dev.paxosref.trace.format.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which network steps a bag network needs around each logged event; the log never names them. A message must keep
 * a copy in flight exactly while the next event that mentions it is a receive: so before an event that consumes a
 * copy which a later event receives again (with no send between), the network duplicates it, and after an event
 * that leaves a message nobody receives before it is sent again, the network loses its copies. Losing them keeps
 * the state as small as the messages really in flight, and lets a client's Resubmit find its request gone.
 *
 * <p>The choice is canonical: a copy's presence matters to a guard only through a receive or an
 * {@code ~InFlight} test of a message the step sends, and both see the same copies in every behaviour the log allows.
 */
final class NetworkPlan {
    /** The messages (as logged, without id) to duplicate before event i, and to lose after it. */
    record Around(List<ObjectNode> duplicateBefore, List<ObjectNode> loseAfter) {}

    private static final Around NOTHING = new Around(List.of(), List.of());

    private final List<Around> steps;

    private NetworkPlan(List<Around> steps) {
        this.steps = steps;
    }

    static NetworkPlan none() {
        return new NetworkPlan(List.of());
    }

    /** One backward pass: for every message, whether the next mention after each event is a receive. */
    static NetworkPlan of(List<TraceEvent> events) {
        Around[] around = new Around[events.size()];
        Map<ObjectNode, Boolean> nextIsReceive = new HashMap<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            TraceEvent event = events.get(i);
            List<ObjectNode> duplicate = new ArrayList<>(0);
            List<ObjectNode> lose = new ArrayList<>(0);
            for (LoggedMessage received : event.recv()) {
                boolean neededLater = nextIsReceive.getOrDefault(received.fields(), false);
                if (neededLater && !sends(event, received.fields())) {
                    duplicate.add(received.fields());
                } else if (!neededLater) {
                    lose.add(received.fields());
                }
            }
            for (LoggedMessage sent : event.sent()) {
                if (!nextIsReceive.getOrDefault(sent.fields(), false) && !lose.contains(sent.fields())) {
                    lose.add(sent.fields());
                }
            }
            event.sent().forEach(m -> nextIsReceive.put(m.fields(), false));
            event.recv().forEach(m -> nextIsReceive.put(m.fields(), true));
            around[i] = duplicate.isEmpty() && lose.isEmpty() ? NOTHING : new Around(duplicate, lose);
        }
        return new NetworkPlan(List.of(around));
    }

    Around at(int index) {
        return index < steps.size() ? steps.get(index) : NOTHING;
    }

    private static boolean sends(TraceEvent event, ObjectNode message) {
        return event.sent().stream().anyMatch(m -> m.fields().equals(message));
    }
}
