package dev.paxosref.trace.step;

import dev.paxosref.trace.format.LoggedMessage;
import dev.paxosref.trace.spec.LoggedValueMatcher;
import dev.paxosref.trace.spec.SpecConventions;
import java.util.List;
import tlc2.tool.TLCState;
import tlc2.value.impl.Applicable;
import tlc2.value.impl.Enumerable;
import tlc2.value.impl.Value;
import util.UniqueString;

/**
 * Keeps the spec steps that agree with what the event logged: the node's variables in the post-state, the messages
 * it sent (in the post-state's message set) and received (in the pre-state's). Anything not logged is unknown and
 * agrees with everything.
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
        return state.lookup(messagesVariable) instanceof Enumerable messages
                && matcher.containsAgreeing(messages, message.fields());
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
