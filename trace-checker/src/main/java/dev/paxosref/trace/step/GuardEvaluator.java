package dev.paxosref.trace.step;

import dev.paxosref.trace.report.Explanation.GuardResult;
import dev.paxosref.trace.report.Explanation.GuardResult.Outcome;
import dev.paxosref.trace.spec.SpecSource;
import java.util.ArrayList;
import java.util.List;
import tla2sany.semantic.ExprOrOpArgNode;
import tla2sany.semantic.LevelConstants;
import tla2sany.semantic.OpApplNode;
import tla2sany.semantic.SemanticNode;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import tlc2.value.impl.BoolValue;

/**
 * Evaluates an action's top-level conjuncts one by one in a pre-state, so a report can name the guard that failed.
 * Conjuncts that mention primed variables are the action's effect, not its guard, and are not evaluated.
 */
final class GuardEvaluator {
    private static final String CONJUNCTION_LIST = "$ConjList";

    private final FastTool tool;
    private final SpecSource source;

    GuardEvaluator(FastTool tool, SpecSource source) {
        this.tool = tool;
        this.source = source;
    }

    List<GuardResult> evaluate(PreparedEvent step, TLCState pre) {
        List<GuardResult> results = new ArrayList<>();
        for (SemanticNode conjunct : conjuncts(step.operator().getBody())) {
            results.add(evaluate(conjunct, step, pre));
        }
        return results;
    }

    private GuardResult evaluate(SemanticNode conjunct, PreparedEvent step, TLCState pre) {
        String text = source.text(conjunct.getLocation());
        if (((tla2sany.semantic.LevelNode) conjunct).getLevel() >= LevelConstants.ActionLevel) {
            return new GuardResult(text, Outcome.EFFECT, "");
        }
        try {
            boolean holds = tool.eval(conjunct, step.params(), pre) == BoolValue.ValTrue;
            return new GuardResult(text, holds ? Outcome.HOLDS : Outcome.FAILS, "");
        } catch (RuntimeException e) {
            return new GuardResult(text, Outcome.ERROR, String.valueOf(e.getMessage()).strip());
        }
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
