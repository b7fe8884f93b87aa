package dev.paxosref.trace.step;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paxosref.trace.spec.JsonToTla;
import dev.paxosref.trace.spec.LoggedValueMatcher;
import dev.paxosref.trace.spec.SpecConventions.BagNetwork;
import dev.paxosref.trace.spec.SpecModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import tla2sany.semantic.OpDefNode;
import tlc2.tool.Action;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.util.Context;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.Value;
import util.UniqueString;

/**
 * Takes the network steps a {@link NetworkPlan} asks for, as the spec's own actions (Duplicate(m), Lose(m)) stepped
 * by TLC, so every state the checker keeps is still reached by a behaviour of the spec. A message is looked up by
 * its logged content; one logged without some of its fields is never duplicated or lost.
 */
final class NetworkSteps {
    private final Successors successors;
    private final JsonToTla toTla;
    private final OpDefNode duplicate;
    private final OpDefNode lose;
    private final UniqueString messagesVariable;

    NetworkSteps(SpecModel model, BagNetwork network, Successors successors, JsonToTla toTla) {
        this.successors = successors;
        this.toTla = toTla;
        this.duplicate = model.operator(network.duplicateAction());
        this.lose = model.operator(network.loseAction());
        this.messagesVariable = UniqueString.uniqueStringOf(model.conventions().messagesVariable());
    }

    /** Duplicates each planned message that has exactly one copy left, so the event's receive leaves one. */
    List<TLCState> before(NetworkPlan.Around plan, List<TLCState> candidates, PreparedEvent blame) {
        return forEachMessage(plan.duplicateBefore(), candidates,
            (state, message) -> copies(state, message) == 1 ? step(duplicate, message, state, blame) : state);
    }

    /** Loses every copy of each planned message. */
    List<TLCState> after(NetworkPlan.Around plan, List<TLCState> candidates, PreparedEvent blame) {
        return forEachMessage(plan.loseAfter(), candidates, (state, message) -> {
            for (int n = copies(state, message); n > 0; n--) {
                state = step(lose, message, state, blame);
            }
            return state;
        });
    }

    /** Each candidate state after {@code network} has acted on each of the logged messages in turn. */
    private List<TLCState> forEachMessage(List<ObjectNode> messages, List<TLCState> candidates,
                                          BiFunction<TLCState, Value, TLCState> network) {
        if (messages.isEmpty()) {
            return candidates;
        }
        List<TLCState> result = new ArrayList<>(candidates.size());
        for (TLCState state : candidates) {
            for (ObjectNode logged : messages) {
                state = network.apply(state, toTla.convert(logged));
            }
            result.add(state);
        }
        return result;
    }

    /** A message TLC refuses to compare with those in flight (a record of another shape) is not in flight. */
    private int copies(TLCState state, Value message) {
        return state.lookup(messagesVariable) instanceof FcnRcdValue bag
                && LoggedValueMatcher.selectOrNull(bag, message) instanceof IntValue count ? count.val : 0;
    }

    private TLCState step(OpDefNode action, Value message, TLCState state, PreparedEvent blame) {
        Context binding = Context.Empty.cons(action.getParams()[0], message);
        StateVec next = successors.nextStates(new Action(action.getBody(), binding, action), state, blame);
        if (next.size() != 1) {
            throw new IllegalStateException(action.getName() + " of a message in flight must have one successor");
        }
        return next.elementAt(0);
    }
}
