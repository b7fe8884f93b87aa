package dev.paxosref.trace.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paxosref.trace.format.LoggedMessage;
import dev.paxosref.trace.format.TraceEvent;
import dev.paxosref.trace.format.TraceHeader;
import dev.paxosref.trace.format.TraceInputException;
import dev.paxosref.trace.spec.JsonToTla;
import dev.paxosref.trace.spec.SpecModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tla2sany.semantic.FormalParamNode;
import tla2sany.semantic.OpDefNode;
import tlc2.tool.Action;
import tlc2.util.Context;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.Value;
import tlc2.value.impl.ValueVec;
import util.UniqueString;

/**
 * An event turned into TLC terms once: the action operator's body with its formal parameters bound, by name, to
 * the logged arguments, the node as a TLC value, and the logged variables to compare. In a complete log,
 * {@code sentExactly} holds the logged messages as TLC values, each once, to compare with the spec's sends; in
 * another log it is null and the logged messages need only be in the network. In a log of changes
 * ({@code stateChanges}), what the event leaves out of its node's state is unchanged by the step.
 */
record PreparedEvent(TraceEvent event, OpDefNode operator, Context params, Action action, Value node,
                     List<LoggedVariable> loggedVariables, List<Value> sentExactly, boolean stateChanges) {

    /** {@code name[node]} was logged as {@code logged}. */
    record LoggedVariable(String name, UniqueString variable, JsonNode logged) {}

    static PreparedEvent of(TraceEvent event, SpecModel model, JsonToTla toTla, TraceHeader header) {
        OpDefNode operator = model.operator(event.action());
        Context params = Context.Empty;
        for (FormalParamNode formal : operator.getParams()) {
            params = params.cons(formal, convert(toTla, event.params().get(formal.getName().toString()), event));
        }
        List<LoggedVariable> logged = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : event.state().properties()) {
            logged.add(new LoggedVariable(field.getKey(), toTla.name(field.getKey()), field.getValue()));
        }
        return new PreparedEvent(event, operator, params, new Action(operator.getBody(), params, operator),
                convert(toTla, event.node(), event), logged, header.complete() ? distinctSent(toTla, event) : null,
                header.stateChanges());
    }

    /**
     * A message sent twice in one event (two ids, one content) is one message of the spec's set of sends. Made
     * distinct as TLC makes a set of them, by sorting (a leader's step sends a 2a per acceptor and slot, and comparing
     * each with all the others was quadratic); messages TLC cannot order (a field an integer in one, a string in
     * another) are compared pairwise instead.
     */
    private static List<Value> distinctSent(JsonToTla toTla, TraceEvent event) {
        ValueVec converted = new ValueVec(event.sent().size());
        for (LoggedMessage m : event.sent()) {
            converted.addElement(convert(toTla, m.fields(), event));
        }
        try {
            ValueVec distinct = ((SetEnumValue) new SetEnumValue(converted, false).normalize()).elems;
            List<Value> sent = new ArrayList<>(distinct.size());
            for (int i = 0; i < distinct.size(); i++) {
                sent.add(distinct.elementAt(i));
            }
            return sent;
        } catch (RuntimeException incomparable) {
            List<Value> sent = new ArrayList<>(converted.size());
            for (int i = 0; i < converted.size(); i++) {
                if (!sent.contains(converted.elementAt(i))) {
                    sent.add(converted.elementAt(i));
                }
            }
            return sent;
        }
    }

    private static Value convert(JsonToTla toTla, JsonNode value, TraceEvent event) {
        try {
            return toTla.convert(value);
        } catch (ArithmeticException tooLarge) {
            throw new TraceInputException(event.origin(), "integer out of TLC's range: " + value);
        }
    }
}
