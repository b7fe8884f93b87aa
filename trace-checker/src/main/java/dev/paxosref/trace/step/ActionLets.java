package dev.paxosref.trace.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tla2sany.semantic.ExprOrOpArgNode;
import tla2sany.semantic.LetInNode;
import tla2sany.semantic.OpApplNode;
import tla2sany.semantic.OpDefNode;
import tla2sany.semantic.SemanticNode;
import tlc2.tool.Action;
import tlc2.tool.BuiltInOPs;
import tlc2.tool.ToolGlobals;
import tlc2.util.Context;
import tlc2.value.impl.LazyValue;

/**
 * An action with the LET definitions of its body bound, so that TLC evaluates each at most once per step. Stepping
 * an action, TLC passes over a LET without binding its definitions, and evaluates a definition's body anew at every
 * reference: MultiPaxos's ReceiveSnapshot computed its new {@code low} once per vote it kept, ReceiveAccepted its
 * set of accepts once per member of every quorum, ReceivePromise its re-proposals three times. Bound as TLC binds a
 * LET it evaluates as an expression, a lazy value in the context, a definition is evaluated on its first reference
 * and, if it reads no primed variable, kept for the rest of the step (TLC's own rule); one that is never referenced
 * is never evaluated, as before.
 *
 * <p>Only the LETs reached from the body through conjunctions, disjunctions, IF-THEN-ELSE and other LETs are bound:
 * no bound variable is in scope there but the action's own, which its context holds, so each definition means what
 * it meant at every reference. Fresh lazy values for every step, since a definition's value depends on the state.
 */
final class ActionLets {
    /** The builtin operators that bind no variable, through which a LET is bound at the action's level. */
    private static final Set<Integer> PASSED_THROUGH = Set.of(ToolGlobals.OPCODE_cl, ToolGlobals.OPCODE_dl,
            ToolGlobals.OPCODE_land, ToolGlobals.OPCODE_lor, ToolGlobals.OPCODE_ite);

    /** Each action body's LET definitions of no argument, in the order they are in scope. */
    private final Map<SemanticNode, List<OpDefNode>> letsByBody = new ConcurrentHashMap<>();

    /** {@code action} with its LET definitions bound to fresh lazy values; itself if it has none. */
    Action bound(Action action) {
        List<OpDefNode> lets = letsByBody.computeIfAbsent(action.pred, body -> {
            List<OpDefNode> found = new ArrayList<>(0);
            collect(body, found);
            return found;
        });
        if (lets.isEmpty()) {
            return action;
        }
        Context context = action.con;
        for (OpDefNode let : lets) {
            context = context.cons(let, new LazyValue(let.getBody(), context, action.cm));
        }
        Action bound = new Action(action.pred, context, action.getOpDef());
        bound.cm = action.cm;
        return bound;
    }

    private static void collect(SemanticNode node, List<OpDefNode> lets) {
        if (node instanceof LetInNode let) {
            for (OpDefNode definition : let.getLets()) {
                if (definition.getArity() == 0) {
                    lets.add(definition);
                }
            }
            collect(let.getBody(), lets);
        } else if (node instanceof OpApplNode application
                && PASSED_THROUGH.contains(BuiltInOPs.getOpCode(application.getOperator().getName()))) {
            for (ExprOrOpArgNode argument : application.getArgs()) {
                collect(argument, lets);
            }
        }
    }
}
