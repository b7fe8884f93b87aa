package dev.paxosref.trace.step;

import dev.paxosref.trace.report.Explanation.GuardResult;
import dev.paxosref.trace.report.Explanation.GuardResult.Outcome;
import dev.paxosref.trace.spec.SpecSource;
import java.util.ArrayList;
import java.util.List;
import tla2sany.semantic.ExprOrOpArgNode;
import tla2sany.semantic.LevelConstants;
import tla2sany.semantic.OpApplNode;
import tla2sany.semantic.OpDefNode;
import tla2sany.semantic.SemanticNode;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import tlc2.util.Context;
import tlc2.value.impl.BoolValue;

/**
 * Evaluates an action's top-level conjuncts one by one in a pre-state, so a report can name the guard that failed.
 * Conjuncts that mention primed variables are the action's effect, not its guard, and are not evaluated; but one
 * that applies a helper action whose body is a conjunction (MultiPaxos's {@code Receive(m) == InFlight(m) /\ ...})
 * is opened, so the guard hidden in it ({@code InFlight(m)}) is evaluated too, shown under the helper's call. A
 * guard that fails comes with the values of its operands (see GuardOperands).
 */
final class GuardEvaluator {
    private static final String CONJUNCTION_LIST = "$ConjList";

    private final FastTool tool;
    private final SpecSource source;
    private final GuardOperands operands;

    GuardEvaluator(FastTool tool, SpecSource source) {
        this.tool = tool;
        this.source = source;
        this.operands = new GuardOperands(tool, source);
    }

    List<GuardResult> evaluate(PreparedEvent step, TLCState pre) {
        List<GuardResult> results = new ArrayList<>();
        for (SemanticNode conjunct : conjuncts(step.operator().getBody())) {
            evaluate(conjunct, step.params(), "", pre, results);
        }
        return results;
    }

    private void evaluate(SemanticNode conjunct, Context params, String caller, TLCState pre,
                          List<GuardResult> results) {
        String text = caller + source.text(conjunct.getLocation());
        if (((tla2sany.semantic.LevelNode) conjunct).getLevel() < LevelConstants.ActionLevel) {
            results.add(guard(conjunct, params, text, pre));
            return;
        }
        results.add(new GuardResult(text, Outcome.EFFECT, "", List.of()));
        Context opened = openHelper(conjunct, params, pre);
        if (opened != null) {
            OpDefNode helper = (OpDefNode) ((OpApplNode) conjunct).getOperator();
            for (SemanticNode inner : conjuncts(helper.getBody())) {
                if (((tla2sany.semantic.LevelNode) inner).getLevel() < LevelConstants.ActionLevel) {
                    results.add(guard(inner, opened, text + " : " + source.text(inner.getLocation()), pre));
                }
            }
        }
    }

    private GuardResult guard(SemanticNode conjunct, Context params, String text, TLCState pre) {
        try {
            boolean holds = tool.eval(conjunct, params, pre) == BoolValue.ValTrue;
            return new GuardResult(text, holds ? Outcome.HOLDS : Outcome.FAILS, "",
                    holds ? List.of() : operands.of(conjunct, params, pre));
        } catch (RuntimeException e) {
            return new GuardResult(text, Outcome.ERROR, String.valueOf(e.getMessage()).strip(),
                    operands.of(conjunct, params, pre));
        }
    }

    /**
     * The context of a helper action's body, its parameters bound to the call's arguments evaluated in the
     * pre-state; null when the conjunct is no such call or an argument is not a state-level expression.
     */
    private Context openHelper(SemanticNode conjunct, Context params, TLCState pre) {
        if (!(conjunct instanceof OpApplNode call) || !(call.getOperator() instanceof OpDefNode helper)
                || helper.getBody() == null || helper.getArity() != call.getArgs().length) {
            return null;
        }
        Context context = params;
        for (int i = 0; i < call.getArgs().length; i++) {
            ExprOrOpArgNode argument = call.getArgs()[i];
            if (argument.getLevel() >= LevelConstants.ActionLevel) {
                return null;
            }
            try {
                context = context.cons(helper.getParams()[i], tool.eval(argument, params, pre));
            } catch (RuntimeException notEvaluable) {
                return null;
            }
        }
        return context;
    }

    private static List<SemanticNode> conjuncts(SemanticNode body) {
        if (body instanceof OpApplNode application
                && application.getOperator().getName().toString().equals(CONJUNCTION_LIST)) {
            List<SemanticNode> parts = new ArrayList<>();
            for (ExprOrOpArgNode argument : application.getArgs()) {
                parts.add(argument);
            }
            return parts;
        }
        return List.of(body);
    }
}
