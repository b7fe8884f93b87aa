package dev.paxosref.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A spec action's name and actual parameters, in the spec's order, e.g. Phase1b(a, b) with a = "a1", b = 3. */
public record Action(String name, Map<String, Object> params) {
    public Action {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Builds an action from alternating parameter names and values. */
    public static Action of(String name, Object... namesAndValues) {
        Invariant.check(namesAndValues.length % 2 == 0,
            () -> name + ": parameter names and values must alternate, got " + namesAndValues.length);
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Action(name, params);
    }
}
