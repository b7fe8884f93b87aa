package dev.paxosref.trace.step;

import dev.paxosref.trace.spec.Membership;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tlc2.tool.Action;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import tlc2.value.impl.Enumerable;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.Value;
import tlc2.value.impl.ValueEnumeration;
import tlc2.value.impl.ValueVec;
import util.UniqueString;

/**
 * The messages a spec step from {@code pre} to {@code post} sends, which a complete log's {@code sent} must equal.
 * On a bag (message to copies) they are exactly the messages with more copies after the step than before. On a set
 * of every message ever sent, a message the network already held is the same after a send as without it: the step
 * sends such a message only if, taken from the pre-state without it, it reaches the same post-state. That is exact
 * as long as no step sends a message its own guard needs in the network, which holds for every action of Paxos.tla
 * and PaxosGeneral.tla (Phase2a reads only the absence of a 2a in its ballot, which leaving messages out keeps).
 */
final class StepSends {
    private final FastTool tool;
    private final UniqueString network;
    private final boolean bag;

    StepSends(FastTool tool, UniqueString network, boolean bag) {
        this.tool = tool;
        this.network = network;
        this.bag = bag;
    }

    /**
     * Whether the step sends exactly {@code logged} (distinct values). Cheap on the common path: on a bag one walk
     * of the two sorted bags; on a set a membership test per logged message and the sets' sizes, and a second
     * evaluation of the step only for a logged message the network already held.
     */
    boolean sendsExactly(Action action, TLCState pre, TLCState post, List<Value> logged) {
        if (bag) {
            List<Value> sent = addedCopies(bagIn(pre), bagIn(post));
            if (sent.size() != logged.size()) {
                return false;
            }
            for (int i = 0; i < logged.size(); i++) {
                if (!containsSorted(sent, logged.get(i))) {
                    return false;
                }
            }
            return true;
        }
        Enumerable setBefore = setIn(pre);
        Enumerable setAfter = setIn(post);
        int loggedNew = 0;
        List<Value> resent = new ArrayList<>();
        for (Value m : logged) {
            if (Membership.isMember(setBefore, m)) {
                resent.add(m);
            } else if (Membership.isMember(setAfter, m)) {
                loggedNew++;
            } else {
                return false;
            }
        }
        return loggedNew == setAfter.size() - setBefore.size()
                && (resent.isEmpty() || reachesWithout(action, pre, post, setBefore, resent));
    }

    /** Whether the network is a bag: then the messages a step sends are exactly those it adds copies of. */
    boolean isBag() {
        return bag;
    }

    /** The messages the step sends, for a report: its new messages, and the {@code logged} ones it sends again. */
    List<Value> sent(Action action, TLCState pre, TLCState post, List<Value> logged) {
        if (bag) {
            return addedCopies(bagIn(pre), bagIn(post));
        }
        Enumerable setBefore = setIn(pre);
        Enumerable setAfter = setIn(post);
        List<Value> sent = new ArrayList<>();
        ValueEnumeration messages = setAfter.elements();
        for (Value m = messages.nextElement(); m != null; m = messages.nextElement()) {
            if (!setBefore.member(m)) {
                sent.add(m);
            }
        }
        for (Value m : logged) {
            if (Membership.isMember(setBefore, m) && reachesWithout(action, pre, post, setBefore, List.of(m))) {
                sent.add(m);
            }
        }
        return sent;
    }

    private FcnRcdValue bagIn(TLCState state) {
        return (FcnRcdValue) ((Value) state.lookup(network)).toFcnRcd();
    }

    private Enumerable setIn(TLCState state) {
        return (Enumerable) state.lookup(network);
    }

    /** The messages with more copies in {@code after} than in {@code before}: one walk of the sorted domains. */
    private static List<Value> addedCopies(FcnRcdValue before, FcnRcdValue after) {
        before.normalize();
        after.normalize();
        Value[] old = before.domain;
        Value[] now = after.domain;
        List<Value> added = new ArrayList<>(2);
        int i = 0;
        for (int j = 0; j < now.length; j++) {
            while (i < old.length && old[i] != now[j] && old[i].compareTo(now[j]) < 0) {
                i++;
            }
            boolean held = i < old.length && (old[i] == now[j] || old[i].compareTo(now[j]) == 0);
            if (!held || copies(after.values[j]) > copies(before.values[i])) {
                added.add(now[j]);
            }
        }
        return added;
    }

    private static int copies(Value count) {
        return count instanceof IntValue n ? n.val : 0;
    }

    /** Whether the step from {@code pre} with {@code resent} taken out of the network reaches {@code post}. */
    private boolean reachesWithout(Action action, TLCState pre, TLCState post, Enumerable before, List<Value> resent) {
        ValueVec kept = new ValueVec(before.size());
        ValueEnumeration messages = before.elements();
        for (Value m = messages.nextElement(); m != null; m = messages.nextElement()) {
            if (!resent.contains(m)) {
                kept.addElement(m);
            }
        }
        TLCState without = pre.copy().bind(network, new SetEnumValue(kept, false).normalize());
        StateVec posts = tool.getNextStates(action, without);
        long target = post.fingerPrint();
        for (int k = 0; k < posts.size(); k++) {
            if (posts.elementAt(k).fingerPrint() == target) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code sorted} (in TLC's order, as a normalized bag's domain is) holds {@code m}: by halving, since a
     * leader's step sends a 2a per acceptor and slot, and scanning made comparing them quadratic.
     */
    private static boolean containsSorted(List<Value> sorted, Value m) {
        try {
            return Collections.binarySearch(sorted, m, Value::compareTo) >= 0;
        } catch (RuntimeException differentKinds) {
            return false;
        }
    }
}
