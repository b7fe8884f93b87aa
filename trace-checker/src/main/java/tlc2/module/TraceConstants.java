package tlc2.module;

import dev.paxosref.trace.spec.HeaderBinding;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.Value;

/**
 * The Java body of module TraceConstants's one operator, which the trace checker's model for traces of any header
 * binds every constant to (see HeaderBinding). TLC looks a module's Java twin up by the module's name in this
 * package, so the class must live here.
 */
public final class TraceConstants {
    private TraceConstants() {}

    /** {@code TraceConstant(name)}: the value the trace checked on this thread gives constant {@code name}. */
    public static Value TraceConstant(Value name) {
        return HeaderBinding.value(((StringValue) name).val.toString());
    }
}
