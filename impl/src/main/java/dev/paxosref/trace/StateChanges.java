package dev.paxosref.trace;

import static java.util.stream.Collectors.toList;

import dev.paxosref.core.MachineState;
import dev.paxosref.core.rsm.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What each step changed, for a log whose header declares {@code "state": "changes"}: per spec process, its
 * variables as the log last left them, and for a new post-state only the variables that differ. A function (a Java
 * map) or a record (a replica's machine state) that differs is logged as its changed arguments or fields, each
 * again only as changed, and the arguments that left its domain under {@link TraceFormat#REMOVED}. A set (a Java set)
 * that differs is logged as the elements it gained under {@link TraceFormat#ADDED} and those it lost under
 * {@link TraceFormat#REMOVED} when they are fewer than its elements, else whole; any other value (a number, a string,
 * a tuple) is logged whole. Compared with what the log last said, not with the role's pre-state, so that whatever
 * the role did between two of its events shows up as a change.
 */
final class StateChanges {
    /** Per process, its variables as last logged: the post-state of its last event, whole. */
    private final Map<Object, Map<String, Object>> lastLogged = new HashMap<>();

    /**
     * The variables of {@code state} that changed since {@code process}'s last event (the state is a record of the
     * variables, none ever removed); all of them at its first.
     */
    @SuppressWarnings("unchecked") // change of two maps keyed by strings is a map keyed by strings
    Map<String, Object> since(Object process, Map<String, Object> state) {
        Map<String, Object> before = lastLogged.put(process, state);
        return before == null ? state : (Map<String, Object>) change(before, state);
    }

    /**
     * {@code after} whole, or, if both are functions or records, only what differs from {@code before}, or, if both
     * are sets, the elements added and removed when that is shorter.
     */
    private static Object change(Object before, Object after) {
        if (before instanceof Set<?> old && after instanceof Set<?> now) {
            return elementsChanged(old, now);
        }
        Map<?, ?> old = asFunction(before);
        Map<?, ?> now = asFunction(after);
        if (old == null || now == null) {
            return after;
        }
        Map<Object, Object> changed = new LinkedHashMap<>();
        now.forEach((argument, value) -> {
            if (!old.containsKey(argument)) {
                changed.put(argument, value);
            } else if (!Objects.equals(old.get(argument), value)) {
                changed.put(argument, change(old.get(argument), value));
            }
        });
        List<Object> removed = new ArrayList<>();
        old.keySet().forEach(argument -> {
            if (!now.containsKey(argument)) {
                removed.add(argument);
            }
        });
        if (!removed.isEmpty()) {
            changed.put(TraceFormat.REMOVED, removed);
        }
        return changed;
    }

    /**
     * The set {@code now} as the elements it gained and lost since {@code old}, each list left out when empty; whole
     * when it has no more elements than they (a set emptied is {@code []}).
     */
    private static Object elementsChanged(Set<?> old, Set<?> now) {
        List<Object> added = now.stream().filter(element -> !old.contains(element)).collect(toList());
        List<Object> removed = old.stream().filter(element -> !now.contains(element)).collect(toList());
        if (added.size() + removed.size() >= now.size()) {
            return now;
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        if (!added.isEmpty()) {
            changed.put(TraceFormat.ADDED, added);
        }
        if (!removed.isEmpty()) {
            changed.put(TraceFormat.REMOVED, removed);
        }
        return changed;
    }

    /** A map as itself, a machine state as the spec's record [idx, counter, kv, session]; null for anything else. */
    private static Map<?, ?> asFunction(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        return value instanceof MachineState st ? record(st) : null;
    }

    /** The machine state as the spec's record; the session table as a function of clients to their last reply. */
    static Map<String, Object> record(MachineState st) {
        Map<String, Reply> session = new LinkedHashMap<>();
        st.sessions().forEach(reply -> session.put(reply.clientId(), reply));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("idx", st.idx());
        record.put("counter", st.count());
        record.put("kv", st.kv());
        record.put("session", session);
        return record;
    }
}
