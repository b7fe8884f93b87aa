package dev.paxosref.trace.referee;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bag network's unlogged steps around each logged event, by one rule: a message keeps a copy in flight exactly
 * while the next event that mentions it receives it. So before event i the network duplicates a message i receives
 * (and does not send) whose next mention after i is again a receive, and after event i it loses every copy of a
 * message i mentions whose next mention is not a receive. Written by the referee from the log alone, in one backward
 * pass: the trace spec scanning the log forward for each message took time quadratic in the trace's length.
 *
 * <p>The schedule cannot make the referee accept a trace it should not: every step it names is the spec's own
 * {@code Lose} or {@code Duplicate}, which TLC takes only where the spec enables it. A wrong schedule could only
 * make a valid trace diverge.
 *
 * @param around per event, what the network does around it
 */
record NetworkSchedule(List<Around> around) {

    /**
     * @param duplicateBefore 1-based indices into the event's {@code recv}
     * @param loseAfter       1-based indices into the event's {@code recv} followed by its {@code sent}
     */
    record Around(List<Integer> duplicateBefore, List<Integer> loseAfter) {}

    /**
     * @param recv per event, the messages it receives, as comparable keys (equal keys are one message)
     * @param sent per event, the messages it sends, the same way
     */
    static NetworkSchedule of(List<List<String>> recv, List<List<String>> sent) {
        List<Around> around = new ArrayList<>(Collections.nCopies(recv.size(), null));
        // Whether the next mention after the event at hand receives the message; absent: never mentioned again.
        Map<String, Boolean> nextReceives = new HashMap<>();
        for (int i = recv.size() - 1; i >= 0; i--) {
            List<String> received = recv.get(i);
            List<String> mentioned = new ArrayList<>(received);
            mentioned.addAll(sent.get(i));
            List<Integer> duplicate = new ArrayList<>();
            for (int k = 0; k < received.size(); k++) {
                String m = received.get(k);
                if (!sent.get(i).contains(m) && nextReceives.getOrDefault(m, false)) {
                    duplicate.add(k + 1);
                }
            }
            List<Integer> lose = new ArrayList<>();
            for (int k = 0; k < mentioned.size(); k++) {
                if (!nextReceives.getOrDefault(mentioned.get(k), false)) {
                    lose.add(k + 1);
                }
            }
            around.set(i, new Around(List.copyOf(duplicate), List.copyOf(lose)));
            sent.get(i).forEach(m -> nextReceives.put(m, false));
            received.forEach(m -> nextReceives.put(m, true)); // an event that sends and receives m receives it
        }
        return new NetworkSchedule(List.copyOf(around));
    }
}
