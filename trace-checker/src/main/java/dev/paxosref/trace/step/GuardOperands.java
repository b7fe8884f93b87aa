package dev.paxosref.trace.step;

import dev.paxosref.trace.spec.SpecSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tla2sany.semantic.ExprNode;
import tla2sany.semantic.ExprOrOpArgNode;
import tla2sany.semantic.FormalParamNode;
import tla2sany.semantic.NumeralNode;
import tla2sany.semantic.OpApplNode;
import tla2sany.semantic.SemanticNode;
import tla2sany.semantic.StringNode;
import tlc2.tool.TLCState;
import tlc2.tool.impl.FastTool;
import tlc2.util.Context;
import tlc2.value.IValue;
import tlc2.value.impl.Enumerable;
import tlc2.value.impl.Value;
import tlc2.value.impl.ValueEnumeration;

/**
 * The values a failed guard compared, in the checker's state: for {@code b > pBal[p]} the lines {@code b = 2} and
 * {@code pBal[p] = 3}. The operands are those of the conjunct's operator, looking through /\, \/ and ~; a
 * quantifier shows its bound set and, over a small set, its body's conjuncts for each element. An operand that cannot be evaluated alone (it names a bound variable) and
 * literals are left out; long values are cut.
 */
final class GuardOperands {
    private static final int VALUE_CHARS_MAX = 200;
    /** A quantifier's body is shown element by element only over sets this small (quorums, acceptors). */
    private static final int ELEMENTS_MAX = 8;
    private static final Set<String> CONNECTIVES = Set.of("$ConjList", "$DisjList", "\\land", "\\lor", "\\lnot",
            "\\neg", "=>");

    private final FastTool tool;
    private final SpecSource source;

    GuardOperands(FastTool tool, SpecSource source) {
        this.tool = tool;
        this.source = source;
    }

    List<String> of(SemanticNode conjunct, Context params, TLCState pre) {
        Set<String> values = new LinkedHashSet<>();
        collect(conjunct, params, pre, values);
        return new ArrayList<>(values);
    }

    private void collect(SemanticNode node, Context params, TLCState pre, Set<String> values) {
        if (!(node instanceof OpApplNode application)) {
            return;
        }
        boolean connective = CONNECTIVES.contains(application.getOperator().getName().toString());
        for (ExprOrOpArgNode argument : application.getArgs()) {
            if (connective) {
                collect(argument, params, pre, values);
            } else {
                add(argument, params, pre, values);
            }
        }
        ExprNode[] bounds = application.getBdedQuantBounds();
        if (bounds != null && bounds.length > 0) {
            for (ExprNode bound : bounds) {
                add(bound, params, pre, values);
            }
            perElement(application, params, pre, values);
        }
    }

    /**
     * For {@code \E Q \in Quorum : body} with one bound variable over a small set: for each element, the body's
     * conjuncts and their values, so a report says which quorum lacked what.
     */
    private void perElement(OpApplNode quantifier, Context params, TLCState pre, Set<String> values) {
        FormalParamNode[][] symbols = quantifier.getBdedQuantSymbolLists();
        if (symbols == null || symbols.length != 1 || symbols[0].length != 1 || quantifier.isBdedQuantATuple()[0]
                || quantifier.getArgs().length != 1) {
            return;
        }
        try {
            IValue bound = tool.eval(quantifier.getBdedQuantBounds()[0], params, pre);
            if (!(bound instanceof Enumerable set) || set.size() > ELEMENTS_MAX) {
                return;
            }
            String name = symbols[0][0].getName().toString();
            ValueEnumeration elements = set.elements();
            for (Value element = elements.nextElement(); element != null; element = elements.nextElement()) {
                Context bound1 = params.cons(symbols[0][0], element);
                for (SemanticNode part : conjuncts(quantifier.getArgs()[0])) {
                    values.add("with " + name + " = " + cut(element) + ": " + source.text(part.getLocation())
                            + " = " + cut(tool.eval(part, bound1, pre)));
                }
            }
        } catch (RuntimeException notEvaluable) {
            // the bound or the body needs more than the pre-state and the parameters
        }
    }

    private static List<SemanticNode> conjuncts(SemanticNode body) {
        if (body instanceof OpApplNode application
                && application.getOperator().getName().toString().equals("$ConjList")) {
            return List.of(application.getArgs());
        }
        return List.of(body);
    }

    private static String cut(IValue value) {
        String text = value.toString().replaceAll("\\s+", " ");
        return text.length() > VALUE_CHARS_MAX
                ? text.substring(0, VALUE_CHARS_MAX) + "... (" + text.length() + " characters)" : text;
    }

    private void add(SemanticNode operand, Context params, TLCState pre, Set<String> values) {
        if (!(operand instanceof ExprNode) || operand instanceof NumeralNode || operand instanceof StringNode) {
            return;
        }
        try {
            values.add(source.text(operand.getLocation()) + " = " + cut(tool.eval(operand, params, pre)));
        } catch (RuntimeException boundVariable) {
            // an operand under a quantifier names its bound variable: it has no value alone
        }
    }
}
