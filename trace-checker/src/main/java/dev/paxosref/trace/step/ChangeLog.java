package dev.paxosref.trace.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paxosref.trace.report.Explanation.Difference;
import dev.paxosref.trace.spec.JsonToTla;
import dev.paxosref.trace.spec.LoggedValueMatcher;
import dev.paxosref.trace.spec.Membership;
import dev.paxosref.trace.spec.SetChange;
import dev.paxosref.trace.spec.TlaToJson;
import java.util.ArrayList;
import java.util.List;
import tlc2.tool.TLCState;
import tlc2.value.impl.Enumerable;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.Value;
import util.UniqueString;

/**
 * The rule of a log whose header declares {@code "state": "changes"}: what an event leaves out of its node's state is
 * unchanged by the step. A variable of the node not logged must have the same value after the spec's step as before;
 * in a function or record logged as an object, so must every argument or field left out (an object logged for one
 * that was a function or record before is itself a change log of it), and every argument the step removes must be
 * listed under {@value LoggedValueMatcher#REMOVED}. A set logged as its change ({@link SetChange}) must list every
 * element the step adds and removes, and only those. What is logged is compared by the matcher, as in any log. So a
 * change log is compared as fully as a log of every variable whole.
 */
final class ChangeLog {
    private final List<UniqueString> variables;
    private final TlaToJson toJson;
    private final JsonToTla toTla;

    /** {@code variables}: the spec's variables but the network, which no node owns. */
    ChangeLog(List<String> variables, String messagesVariable, TlaToJson toJson, JsonToTla toTla) {
        this.variables = variables.stream().filter(v -> !v.equals(messagesVariable))
                .map(UniqueString::uniqueStringOf).toList();
        this.toJson = toJson;
        this.toTla = toTla;
    }

    boolean agrees(PreparedEvent step, TLCState pre, TLCState post) {
        return check(step, pre, post, null);
    }

    /** What the step changes and the event leaves out, with the spec's value and the value before the step. */
    List<Difference> differences(PreparedEvent step, TLCState pre, TLCState post) {
        List<Difference> differences = new ArrayList<>();
        check(step, pre, post, differences);
        return differences;
    }

    /** Whether the step changes nothing the event leaves out; each change found goes to {@code out} if not null. */
    private boolean check(PreparedEvent step, TLCState pre, TLCState post, List<Difference> out) {
        boolean agrees = true;
        for (UniqueString variable : variables) {
            if (pre.lookup(variable) == post.lookup(variable)) {
                continue; // left as it was (TLC keeps the very value): nothing in it changed, logged or not
            }
            Value after = owned(post, variable, step.node());
            if (after == null) {
                continue; // not a variable of this node
            }
            Value before = owned(pre, variable, step.node());
            JsonNode logged = step.event().state().get(variable.toString());
            String what = variable + "[" + step.event().nodeName() + "]";
            if (logged == null) {
                agrees &= same(before, after) || report(out, what, after, before);
            } else if (logged.isObject()) {
                agrees &= objectAgrees(what, logged, before, after, out);
            }
            if (!agrees && out == null) {
                return false;
            }
        }
        return agrees;
    }

    /** An object logged for a value: a set's change, or a function's or record's changed arguments or fields. */
    private boolean objectAgrees(String what, JsonNode logged, Value before, Value after, List<Difference> out) {
        return after instanceof Enumerable set ? elementsAgree(what, logged, before, set, out)
                : argumentsAgree(what, logged, before, after, out);
    }

    /**
     * Within a set logged as its change: every element listed under {@value SetChange#ADDED} was not in the set
     * before the step and is after it, every element listed under $removed the reverse, and every other element is
     * in the set after the step exactly if it was before. A value that was no set before counts as the empty set.
     * Both sets are walked in their sorted order at once; the elements a step left alone are the same objects.
     */
    private boolean elementsAgree(String what, JsonNode logged, Value before, Enumerable after,
                                  List<Difference> out) {
        SetChange change = SetChange.of(logged, toTla);
        if (change == null) {
            return true; // not a set's change: the matcher rejects it
        }
        SetEnumValue now = sorted(after);
        SetEnumValue old = before instanceof Enumerable set ? sorted(set) : SetEnumValue.EmptySet;
        List<String> wrong = out == null ? List.of() : new ArrayList<>(); // only a report needs the words
        for (SetChange.Element element : change.added()) {
            boolean wasIn = Membership.isMember(old, element.value());
            if (wasIn || !Membership.isMember(now, element.value())) {
                if (out == null) {
                    return false;
                }
                wrong.add("$added lists " + element.logged() + (wasIn
                        ? ", which was in the set before the step (a change log lists changes only)"
                        : ", which the step does not add"));
            }
        }
        for (SetChange.Element element : change.removed()) {
            boolean wasIn = Membership.isMember(old, element.value());
            if (!wasIn || Membership.isMember(now, element.value())) {
                if (out == null) {
                    return false;
                }
                wrong.add("$removed lists " + element.logged() + (!wasIn
                        ? ", which was not in the set before the step (a change log lists changes only)"
                        : ", which the step does not remove"));
            }
        }
        for (int i = 0, j = 0; i < now.size() || j < old.size(); ) {
            int order = j >= old.size() ? -1 : i >= now.size() ? 1 : compare(now.elems.elementAt(i),
                    old.elems.elementAt(j));
            Value element = order < 0 ? now.elems.elementAt(i++) : old.elems.elementAt(j++);
            i += order == 0 ? 1 : 0;
            if (order != 0 && !listed(order < 0 ? change.added() : change.removed(), element)) {
                if (out == null) {
                    return false;
                }
                wrong.add("element " + toJson.convert(element) + (order < 0
                        ? " left out of $added, so not added (logged: the set before the step)"
                        : " left out of $removed, so not removed (logged: the set before the step)"));
            }
        }
        // Each with the spec's set after the step beside the set before it.
        wrong.forEach(w -> out.add(new Difference(what + ": " + w, toJson.convert(now), toJson.convert(old))));
        return wrong.isEmpty();
    }

    /** The set with its elements sorted, as TLC keeps a set it has fingerprinted. */
    private static SetEnumValue sorted(Enumerable set) {
        return (SetEnumValue) ((Value) set).toSetEnum().normalize();
    }

    /** Whether {@code element} is among those a set change lists. */
    private static boolean listed(List<SetChange.Element> elements, Value element) {
        for (SetChange.Element listed : elements) {
            if (compare(listed.value(), element) == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Within a function or record logged as the object {@code logged}: every argument left out is unchanged, every
     * argument removed is listed as removed. A value that was not a function or record before must be logged whole.
     * Both domains are walked in their sorted order at once, so a large function (a proposer's every decision) costs
     * one pass, and the values a step left alone are the same objects, compared by identity.
     */
    private boolean argumentsAgree(String what, JsonNode logged, Value before, Value after, List<Difference> out) {
        FcnRcdValue now = function(after);
        if (now == null) {
            return true; // an object logged for a scalar: the matcher rejects it
        }
        FcnRcdValue old = function(before);
        int oldSize = old == null ? 0 : old.size();
        boolean agrees = true;
        for (int i = 0, j = 0; i < now.size() || j < oldSize; ) {
            int order = j >= oldSize ? -1 : i >= now.size() ? 1 : compare(argument(now, i), argument(old, j));
            Value argument = order > 0 ? argument(old, j) : argument(now, i);
            if (order > 0) { // only before the step: removed
                agrees &= listedRemoved(logged, argument) || report(out, path(what, argument), null, old.values[j]);
                j++;
            } else {
                Value was = order == 0 ? old.values[j++] : null;
                Value value = now.values[i++];
                JsonNode entry = logged.get(key(argument));
                if (entry == null) {
                    agrees &= (was != null && same(was, value)) || report(out, path(what, argument), value, was);
                } else if (entry.isObject()) {
                    agrees &= objectAgrees(path(what, argument), entry, was, value, out);
                }
            }
            if (!agrees && out == null) {
                return false;
            }
        }
        return agrees;
    }

    /** {@code what[argument]}, for a report: made only when one is. */
    private static String path(String what, Value argument) {
        return what + "[" + key(argument) + "]";
    }

    /**
     * The order of two arguments of one function's domain or two elements of one set; values TLC cannot order are
     * different. The same object is equal without a walk through it (a 1b message with its votes).
     */
    private static int compare(Value a, Value b) {
        try {
            return a == b ? 0 : a.compareTo(b);
        } catch (RuntimeException differentKinds) {
            return -1;
        }
    }

    private static boolean listedRemoved(JsonNode logged, Value argument) {
        JsonNode removed = logged.get(LoggedValueMatcher.REMOVED);
        if (removed == null) {
            return false;
        }
        String key = key(argument);
        for (JsonNode listed : removed) {
            if (listed.asText().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A change the log leaves out: the spec's value after the step (null: removed) beside the value before it
     * (null: absent), which is what the log says it still is. Always false, for the caller's conjunction.
     */
    private boolean report(List<Difference> out, String what, Value after, Value before) {
        if (out != null) {
            out.add(new Difference(what + " left out of a change log, so unchanged (logged: its value before the step"
                    + (after == null ? "; the step removes it" : before == null ? "; the step adds it" : "") + ")",
                    after == null ? null : toJson.convert(after), before == null ? null : toJson.convert(before)));
        }
        return false;
    }

    /**
     * {@code variable[node]}, or null if the variable is no function of the node. A function of arguments of another
     * kind (a proposer's number and an acceptor's function) is not asked: TLC would answer by building an error
     * message that prints the function, for every variable of every other kind of node, at every event.
     */
    private static Value owned(TLCState state, UniqueString variable, Value node) {
        if (state.lookup(variable) instanceof FcnRcdValue f
                && (f.intv != null ? !(node instanceof IntValue)
                        : f.domain.length == 0 || f.domain[0].getClass() != node.getClass())) {
            return null;
        }
        return LoggedStepFilter.nodeValue(state, variable, node);
    }

    private static boolean same(Value before, Value after) {
        try {
            return before == after || before != null && before.equals(after);
        } catch (RuntimeException differentKinds) {
            return false; // TLC refuses to compare, say, a string with a record: not the same
        }
    }

    /** A function as itself, a record as the function of its field names; null for any other value. */
    private static FcnRcdValue function(Value value) {
        if (value instanceof FcnRcdValue f) {
            f.normalize(); // sorts the domain in place (TLC does so to any value it fingerprints), for the walk
            return f;
        }
        return value instanceof RecordValue r ? function(r.toFcnRcd()) : null;
    }

    private static Value argument(FcnRcdValue f, int i) {
        return f.intv != null ? IntValue.gen(f.intv.low + i) : f.domain[i];
    }

    /** An argument as a logged object's key names it. */
    private static String key(Value argument) {
        if (argument instanceof StringValue s) {
            return s.val.toString();
        }
        return argument instanceof IntValue i ? Integer.toString(i.val) : argument.toString();
    }
}
