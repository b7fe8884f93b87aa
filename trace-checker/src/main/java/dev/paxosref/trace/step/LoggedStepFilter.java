package dev.paxosref.trace.step;

import dev.paxosref.trace.format.LoggedMessage;
import dev.paxosref.trace.report.Explanation.Difference;
import dev.paxosref.trace.spec.LoggedValueMatcher;
import dev.paxosref.trace.spec.SpecConventions;
import java.util.List;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import tlc2.value.impl.Applicable;
import tlc2.value.impl.Enumerable;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.Value;
import util.UniqueString;

/**
 * Keeps the spec steps that agree with what the event logged: the node's variables in the post-state, the messages
 * it sent (in the post-state's network) and received (in the pre-state's). Anything not logged is unknown and
 * agrees with everything. A bag network counts as the set of messages with a copy in flight. In a complete log the
 * messages sent must also be exactly those the step sends (see StepSends). In a log of changes what the event leaves
 * out of its node's state must be unchanged by the step (see ChangeLog).
 */
final class LoggedStepFilter {
    private final LoggedValueMatcher matcher;
    private final UniqueString messagesVariable;
    private final StepSends sends;
    private final ChangeLog changeLog;

    LoggedStepFilter(LoggedValueMatcher matcher, SpecConventions conventions, FastTool tool, ChangeLog changeLog) {
        this.matcher = matcher;
        this.changeLog = changeLog;
        this.messagesVariable = UniqueString.uniqueStringOf(conventions.messagesVariable());
        this.sends = new StepSends(tool, messagesVariable, conventions.isBag());
    }

    /**
     * In a complete log on a bag, sending exactly the logged messages puts each in the post-state's network, so their
     * presence is not asked on its own.
     */
    boolean agrees(PreparedEvent step, TLCState pre, TLCState post) {
        for (PreparedEvent.LoggedVariable logged : step.loggedVariables()) {
            if (!agrees(logged, post, step.node())) {
                return false;
            }
        }
        boolean exactOnBag = step.sentExactly() != null && sends.isBag();
        return (exactOnBag || allPresent(step.event().sent(), post)) && allPresent(step.event().recv(), pre)
                && (step.sentExactly() == null || sends.sendsExactly(step.action(), pre, post, step.sentExactly()))
                && (!step.stateChanges() || changeLog.agrees(step, pre, post));
    }

    /** In a log of changes, what the step changes and the event leaves out; nothing in another log. */
    List<Difference> unloggedChanges(PreparedEvent step, TLCState pre, TLCState post) {
        return step.stateChanges() ? changeLog.differences(step, pre, post) : List.of();
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
     * The messages the step from {@code pre} to {@code post} sends: on a set network, those it adds and, of the
     * logged ones of a complete log, those it sends again.
     */
    List<Value> sentBy(PreparedEvent step, TLCState pre, TLCState post) {
        return sends.sent(step.action(), pre, post, step.sentExactly() == null ? List.of() : step.sentExactly());
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
        for (int i = 0; i < messages.size(); i++) { // no iterator: an empty List.of() makes one per call
            if (!isPresent(messages.get(i), state)) {
                return false;
            }
        }
        return true;
    }
}
