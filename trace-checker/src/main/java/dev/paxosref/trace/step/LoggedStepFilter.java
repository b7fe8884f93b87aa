package dev.paxosref.trace.step;

import dev.paxosref.trace.format.LoggedMessage;
import dev.paxosref.trace.spec.LoggedValueMatcher;
import dev.paxosref.trace.spec.SpecConventions;
import java.util.ArrayList;
import java.util.List;
import tlc2.tool.TLCState;
import tlc2.value.impl.Applicable;
import tlc2.value.impl.Enumerable;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.Value;
import tlc2.value.impl.ValueEnumeration;
import util.UniqueString;

/**
 * Keeps the spec steps that agree with what the event logged: the node's variables in the post-state, the messages
 * it sent (in the post-state's network) and received (in the pre-state's). Anything not logged is unknown and
 * agrees with everything. A bag network counts as the set of messages with a copy in flight.
 */
final class LoggedStepFilter {
    private final LoggedValueMatcher matcher;
    private final UniqueString messagesVariable;

    LoggedStepFilter(LoggedValueMatcher matcher, SpecConventions conventions) {
        this.matcher = matcher;
        this.messagesVariable = UniqueString.uniqueStringOf(conventions.messagesVariable());
    }

    boolean agrees(PreparedEvent step, TLCState pre, TLCState post) {
        for (PreparedEvent.LoggedVariable logged : step.loggedVariables()) {
            if (!agrees(logged, post, step.node())) {
                return false;
            }
        }
        return allPresent(step.event().sent(), post) && allPresent(step.event().recv(), pre);
    }

    boolean agrees(PreparedEvent.LoggedVariable logged, TLCState post, Value node) {
        Value owned = nodeValue(post, logged.variable(), node);
        return owned != null && matcher.agrees(logged.logged(), owned);
    }

    /** {@code variable[node]} in {@code state}, or null if the variable is not a function of the node. */
    static Value nodeValue(TLCState state, UniqueString variable, Value node) {
        if (!(state.lookup(variable) instanceof Applicable function)) {
            return null;
        }
        try {
            return function.select(node);
        } catch (RuntimeException notAFunctionOfNodes) {
            return null;
        }
    }

    boolean isPresent(LoggedMessage message, TLCState state) {
        Enumerable messages = inFlight(state);
        return messages != null && matcher.containsAgreeing(messages, message.fields());
    }

    /**
     * The messages a step from {@code pre} to {@code post} sent: those in the network after it and not before, or, on
     * a bag, those with more copies after it than before.
     */
    List<Value> sentBy(TLCState pre, TLCState post) {
        Enumerable after = inFlight(post);
        List<Value> sent = new ArrayList<>();
        if (after == null) {
            return sent;
        }
        Object before = pre.lookup(messagesVariable);
        ValueEnumeration messages = after.elements();
        for (Value m = messages.nextElement(); m != null; m = messages.nextElement()) {
            boolean isNew = before instanceof FcnRcdValue bag
                    ? copies(bag, m) < copies((FcnRcdValue) post.lookup(messagesVariable), m)
                    : !((Enumerable) before).member(m);
            if (isNew) {
                sent.add(m);
            }
        }
        return sent;
    }

    private static int copies(FcnRcdValue bag, Value message) {
        Value count = bag.select(message);
        return count instanceof IntValue n ? n.val : 0;
    }

    /** The messages in the network: the set itself, or the domain of a bag (message -> copies). */
    private Enumerable inFlight(TLCState state) {
        Object network = state.lookup(messagesVariable);
        if (network instanceof Enumerable set) {
            return set;
        }
        return network instanceof FcnRcdValue bag ? (Enumerable) bag.getDomain() : null;
    }

    private boolean allPresent(List<LoggedMessage> messages, TLCState state) {
        for (LoggedMessage message : messages) {
            if (!isPresent(message, state)) {
                return false;
            }
        }
        return true;
    }
}
