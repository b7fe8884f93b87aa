package dev.paxosref.trace.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paxosref.trace.format.TraceEvent;
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
import tlc2.value.impl.Value;
import util.UniqueString;

/**
 * An event turned into TLC terms once: the action operator's body with its formal parameters bound, by name, to
 * the logged arguments, the node as a TLC value, and the logged variables to compare.
 */
record PreparedEvent(TraceEvent event, OpDefNode operator, Context params, Action action, Value node,
                     List<LoggedVariable> loggedVariables) {

    /** {@code name[node]} was logged as {@code logged}. */
    record LoggedVariable(String name, UniqueString variable, JsonNode logged) {}

    static PreparedEvent of(TraceEvent event, SpecModel model, JsonToTla toTla) {
        OpDefNode operator = model.operator(event.action());
        Context params = Context.Empty;
        for (FormalParamNode formal : operator.getParams()) {
            params = params.cons(formal, convert(toTla, event.params().get(formal.getName().toString()), event));
        }
        List<LoggedVariable> logged = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : event.state().properties()) {
            logged.add(new LoggedVariable(field.getKey(), UniqueString.uniqueStringOf(field.getKey()), field.getValue()));
        }
        return new PreparedEvent(event, operator, params, new Action(operator.getBody(), params, operator),
                convert(toTla, event.node(), event), logged);
    }

    private static Value convert(JsonToTla toTla, JsonNode value, TraceEvent event) {
        try {
            return toTla.convert(value);
        } catch (ArithmeticException tooLarge) {
            throw new TraceInputException(event.origin(), "integer out of TLC's range: " + value);
        }
    }
}
