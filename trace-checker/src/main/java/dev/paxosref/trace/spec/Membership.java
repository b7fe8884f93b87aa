package dev.paxosref.trace.spec;

import tlc2.value.impl.Enumerable;
import tlc2.value.impl.Value;

/** TLC's membership test, where a value TLC refuses to compare with the set's elements is simply not a member. */
public final class Membership {
    private Membership() {}

    /** Whether {@code element} is in {@code set}; TLC refuses to order, say, a string against an integer: not in it. */
    public static boolean isMember(Enumerable set, Value element) {
        try {
            return set.member(element);
        } catch (RuntimeException differentKinds) {
            return false;
        }
    }
}
