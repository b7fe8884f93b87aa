package dev.paxosref.trace.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import tlc2.value.impl.Applicable;
import tlc2.value.impl.Enumerable;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.ModelValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import tlc2.value.impl.ValueEnumeration;
import util.UniqueString;

/**
 * Whether a logged value agrees with a spec value. Logged objects may leave fields out (unknown, so anything
 * agrees); a logged object's member {@value #REMOVED} lists arguments the spec function must not have; logged arrays
 * match tuples element by element and sets in any order; an object logged for a set is its change (see
 * {@link SetChange}), of which the value after the step tells only that the elements added are in it and those
 * removed are not. Values of different kinds never agree; TLC itself would
 * throw when comparing them, which here would only mean "different".
 */
public final class LoggedValueMatcher {
    /** The member of a logged function that lists the arguments not in its domain (removed by the step). */
    public static final String REMOVED = "$removed";
    /** Slots of each thread's table of pairs found to agree; a power of two. */
    private static final int AGREED_SLOTS = 1024;
    /** Functions of more arguments are searched by halving, not scanned (see selectOrNull). */
    private static final int SCAN_ARGUMENTS_MAX = 16;

    private final JsonToTla toTla;
    /**
     * The last logged containers found to agree with a spec value, by identity of both: a node logs much the same
     * state event after event (the reader shares equal values), and TLC keeps the values of what a step leaves
     * unchanged, so most comparisons of a long trace are repeats. Both sides are immutable once read or built.
     * Per thread, because several threads check traces with one matcher.
     */
    private final ThreadLocal<Object[]> agreed = ThreadLocal.withInitial(() -> new Object[2 * AGREED_SLOTS]);

    public LoggedValueMatcher(JsonToTla toTla) {
        this.toTla = toTla;
    }

    public boolean agrees(JsonNode logged, Value spec) {
        if (!logged.isContainerNode()) {
            return scalarAgrees(logged, spec);
        }
        Object[] slots = agreed.get();
        int slot = 2 * ((System.identityHashCode(logged) * 31 + System.identityHashCode(spec)) & (AGREED_SLOTS - 1));
        if (slots[slot] == logged && slots[slot + 1] == spec) {
            return true;
        }
        boolean agrees = logged.isObject() ? agreesWithFields(logged, spec) : agreesWithCollection(logged, spec);
        if (agrees) {
            slots[slot] = logged;
            slots[slot + 1] = spec;
        }
        return agrees;
    }

    /**
     * The value of field or argument {@code key} of a spec record or function, or null when it has none. A logged
     * object's keys are strings; a function of integers (a replica's log by slot) takes them as integers. The key's
     * kind is chosen from the domain, since TLC answers a key of another kind by building an error message.
     */
    private Value select(Value spec, String key) {
        if (spec instanceof RecordValue record) {
            UniqueString name = toTla.name(key);
            for (int i = 0; i < record.names.length; i++) {
                if (record.names[i] == name) {
                    return record.values[i];
                }
            }
            return null;
        }
        if (spec instanceof FcnRcdValue function && (function.intv != null || function.domain.length > 0)) {
            boolean integers = function.intv != null || function.domain[0] instanceof IntValue;
            if (integers || function.domain[0] instanceof StringValue) {
                Value argument = integers ? integerOrNull(key) : toTla.string(key);
                return argument == null ? null : selectOrNull(function, argument);
            }
        }
        if (!(spec instanceof Applicable function)) {
            return null;
        }
        Value byName = selectOrNull(function, toTla.string(key));
        if (byName != null) {
            return byName;
        }
        Value byNumber = integerOrNull(key);
        return byNumber == null ? null : selectOrNull(function, byNumber);
    }

    /**
     * {@code function[argument]}, or null if the argument is not in its domain or not of its kind. TLC's own lookup
     * in a function that is not on an interval scans the domain, so comparing a logged function of n arguments (a
     * proposer's {@code pKnown}, its every decision) took n * n comparisons, and looking up a message's copies in a
     * bag of n messages n; a large one is searched in its normalized (sorted) domain instead. Normalizing sorts the
     * function in place, which TLC itself does to any value it fingerprints, and leaves it equal.
     */
    public static Value selectOrNull(Applicable function, Value argument) {
        try {
            if (function instanceof FcnRcdValue f && f.intv == null && f.domain.length > SCAN_ARGUMENTS_MAX) {
                f.normalize();
                int at = Arrays.binarySearch(f.domain, argument, Value::compareTo);
                return at >= 0 ? f.values[at] : null;
            }
            return function.select(argument);
        } catch (RuntimeException wrongKindOfArgument) {
            return null; // TLC refuses to compare a string key with an integer domain, say
        }
    }

    private boolean agreesWithFields(JsonNode logged, Value spec) {
        if (spec instanceof Enumerable set) {
            SetChange change = SetChange.of(logged, toTla);
            return change != null && change.agreesAfter(set);
        }
        for (Map.Entry<String, JsonNode> field : logged.properties()) {
            if (field.getKey().equals(REMOVED)) {
                if (!noneSelected(spec, field.getValue())) {
                    return false;
                }
                continue;
            }
            Value specField = select(spec, field.getKey());
            if (specField == null || !agrees(field.getValue(), specField)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code removed} is an array of arguments none of which the spec function has. */
    private boolean noneSelected(Value spec, JsonNode removed) {
        if (!removed.isArray()) {
            return false;
        }
        for (JsonNode argument : removed) {
            if (argument.isContainerNode() || select(spec, argument.asText()) != null) {
                return false;
            }
        }
        return true;
    }

    private boolean agreesWithCollection(JsonNode logged, Value spec) {
        if (spec instanceof TupleValue tuple) {
            if (tuple.size() != logged.size()) {
                return false;
            }
            for (int i = 0; i < logged.size(); i++) {
                if (!agrees(logged.get(i), (Value) tuple.getElem(i))) {
                    return false;
                }
            }
            return true;
        }
        if (spec instanceof Enumerable set && set.size() == logged.size()) {
            for (JsonNode element : logged) {
                if (!containsAgreeing(set, element)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Whether some element of {@code set} agrees with {@code logged}. Tries TLC's own membership test first, which
     * is a binary search when the logged value is complete; scans only when it fails, i.e. on partial values or on a
     * mismatch.
     */
    public boolean containsAgreeing(Enumerable set, JsonNode logged) {
        if (isMemberAsLogged(set, logged)) {
            return true;
        }
        ValueEnumeration elements = set.elements();
        for (Value element = elements.nextElement(); element != null; element = elements.nextElement()) {
            if (agrees(logged, element)) {
                return true;
            }
        }
        return false;
    }

    private boolean isMemberAsLogged(Enumerable set, JsonNode logged) {
        try {
            return set.member(toTla.convert(logged));
        } catch (RuntimeException differentKindsCompared) {
            return false; // TLC refuses to order, say, a string against an integer: not a member
        }
    }

    /** Strings and integers compared as they are, without a TLC value made for the logged one. */
    private boolean scalarAgrees(JsonNode logged, Value spec) {
        if (spec instanceof StringValue string && logged.isTextual()) {
            return string.val.toString().equals(logged.textValue());
        }
        if (spec instanceof IntValue integer && logged.isInt()) {
            return integer.val == logged.intValue();
        }
        return scalarEquals(toTla.convert(logged), spec);
    }

    private static boolean scalarEquals(Value logged, Value spec) {
        boolean comparable = logged.getClass() == spec.getClass()
                || logged instanceof ModelValue || spec instanceof ModelValue;
        return comparable && logged.equals(spec);
    }

    /** The key as a TLC integer, or null if it is not an integer TLC can hold. */
    private static Value integerOrNull(String key) {
        int start = key.startsWith("-") ? 1 : 0;
        if (key.length() == start || key.length() - start > 9) {
            return null;
        }
        for (int i = start; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return null;
            }
        }
        return IntValue.gen(Integer.parseInt(key));
    }
}
