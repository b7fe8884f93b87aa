package dev.paxosref.trace.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paxosref.trace.format.TraceHeader;
import dev.paxosref.trace.format.TraceInputException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.ModelValue;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.Value;
import tlc2.value.impl.ValueVec;

/**
 * A trace header's constants as TLC values, bound to the thread that checks the trace. A model loaded by
 * {@link SpecModel#loadForAnyHeader} reads its constants from here, through module TraceConstants, so one load (one
 * SANY parse, one TLC setup) serves traces of any header: binding a header costs converting a few small JSON values.
 * Values follow ModelConfig's rendering: arrays are sets, strings strings, a constant left out the model value of
 * its own name.
 */
public final class HeaderBinding {
    /** The module whose one operator, implemented in Java by tlc2.module.TraceConstants, reads the binding. */
    static final String MODULE = "TraceConstants";
    static final String MODULE_TEXT = "---- MODULE TraceConstants ----\n"
            + "TraceConstant(name) == name  \\* replaced by tlc2.module.TraceConstants\n====\n";
    /** TLC's property naming the zero-arity constant definitions it must not evaluate once at load time. */
    private static final String LAZY_FIELD = "vetos";

    private static final ThreadLocal<Map<String, Value>> BOUND = new ThreadLocal<>();

    private HeaderBinding() {}

    /** An open binding; closing it unbinds the thread. */
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    /** Binds the header's constants to this thread until the binding is closed. */
    public static Binding bind(TraceHeader header, ModuleSignature signature) {
        ModelConfig.requireDeclared(header, signature);
        Map<String, Value> values = new HashMap<>();
        for (String constant : signature.constants()) {
            JsonNode json = header.constants().get(constant);
            values.put(constant, json == null ? ModelValue.make(constant) : convert(json, header, constant));
        }
        BOUND.set(values);
        return BOUND::remove;
    }

    /** The bound value of {@code constant}; evaluation outside a binding is a bug of the checker. */
    public static Value value(String constant) {
        Map<String, Value> values = BOUND.get();
        if (values == null) {
            throw new IllegalStateException("no trace header bound on thread " + Thread.currentThread().getName());
        }
        return values.get(constant);
    }

    /** The definition the model binds {@code constant} to. */
    static String definitionName(String constant) {
        return "TraceConst_" + constant;
    }

    /** {@code TraceConst_X == TraceConstant("X")} for every constant, for the model module. */
    static String definitions(ModuleSignature signature) {
        StringBuilder tla = new StringBuilder();
        for (String constant : signature.constants()) {
            tla.append(definitionName(constant)).append(" == TraceConstant(").append(TlaText.quoted(constant))
                    .append(")\n");
        }
        return tla.toString();
    }

    /**
     * TLC evaluates every zero-arity constant-level definition once when it loads a model and keeps the value; with
     * constants that change from trace to trace, those of the spec (Proposer, Value, ...) and the bindings above
     * must be evaluated when used instead. TLC reads that list from a static set filled from a system property when
     * its class loads; this adds to the set. Names are global, so a later model of another module evaluates a
     * definition of the same name lazily too: the same value, a little slower.
     */
    @SuppressWarnings("unchecked")
    static void evaluateLazily(ModuleSignature signature) {
        List<String> names = new ArrayList<>(signature.constantDefinitions());
        signature.constants().forEach(c -> names.add(definitionName(c)));
        try {
            Field field = tlc2.tool.impl.SpecProcessor.class.getDeclaredField(LAZY_FIELD);
            field.setAccessible(true);
            Set<String> lazy = (Set<String>) field.get(null);
            synchronized (lazy) {
                lazy.addAll(names);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this TLC version keeps no set of lazily evaluated definitions", e);
        }
    }

    /** Every constant's model value exists in TLC's table of model values, for a header that leaves it out. */
    static void registerModelValues(ModuleSignature signature) {
        signature.constants().forEach(ModelValue::make);
        ModelValue.setValues();
    }

    private static Value convert(JsonNode json, TraceHeader header, String constant) {
        if (json.isArray()) {
            ValueVec elements = new ValueVec(json.size());
            json.forEach(element -> elements.addElement(convert(element, header, constant)));
            return new SetEnumValue(elements, false).normalize();
        }
        if (json.isTextual()) {
            return new StringValue(json.asText());
        }
        if (json.isIntegralNumber()) {
            return IntValue.gen(Math.toIntExact(json.asLong()));
        }
        if (json.isBoolean()) {
            return json.asBoolean() ? BoolValue.ValTrue : BoolValue.ValFalse;
        }
        throw ModelConfig.cannotWrite(header, constant, json);
    }
}
