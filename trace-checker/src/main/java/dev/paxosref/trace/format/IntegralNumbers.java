package dev.paxosref.trace.format;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.math.BigDecimal;

/**
 * Reads a number whose fraction is zero ({@code 1.0}, {@code 1e2}) as the integer it is, as JSON Schema does (an
 * integer is any number with a zero fractional part) and as loggers that write every number as a float need: the
 * schema accepts {@code "clock": 1.0}, so the checker must read it as 1 everywhere, not as a float that equals no
 * logged integer. Done where Jackson builds the node, so a trace of integers pays nothing for it.
 */
final class IntegralNumbers extends JsonNodeFactory {
    static final IntegralNumbers FACTORY = new IntegralNumbers();

    private IntegralNumbers() {}

    @Override
    public ValueNode numberNode(BigDecimal v) {
        if (v != null && v.stripTrailingZeros().scale() <= 0) {
            return numberNode(v.toBigIntegerExact());
        }
        return super.numberNode(v);
    }

    @Override
    public NumericNode numberNode(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
            return numberNode((long) v);
        }
        return super.numberNode(v);
    }
}
