package dev.paxosref.mc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Describes how a variable changed between two states, in terms of TLC's printed values, so that a counterexample
 * shows {@code maxBal[a1] = 1}, {@code msgs + [type |-> "2a", ...]} (a set) or {@code msgs[[type |-> "2a", ...]] = 2}
 * (a bag, a function from message to copies) instead of the whole new value.
 * Values it does not recognise as sets or functions are shown whole.
 */
final class TlaValueDiff {

    private TlaValueDiff() {
    }

    static List<String> describe(String variable, String before, String after) {
        if (before != null && isSet(before) && isSet(after)) {
            return setChanges(variable, elements(before, ","), elements(after, ","));
        }
        if (before != null && isFunction(before) && isFunction(after)) {
            return functionChanges(variable, entries(before), entries(after));
        }
        return List.of(variable + " = " + after);
    }

    private static List<String> setChanges(String variable, List<String> before, List<String> after) {
        Set<String> removed = new LinkedHashSet<>(before);
        after.forEach(removed::remove);
        Set<String> added = new LinkedHashSet<>(after);
        before.forEach(added::remove);
        List<String> lines = new ArrayList<>();
        added.forEach(e -> lines.add(variable + " + " + e));
        removed.forEach(e -> lines.add(variable + " - " + e));
        return lines;
    }

    /** Changed and new arguments as {@code f[x] = v}; arguments no longer in the domain as {@code f - x}. */
    private static List<String> functionChanges(String variable, Map<String, String> before, Map<String, String> after) {
        List<String> lines = new ArrayList<>();
        after.forEach((key, value) -> {
            if (!value.equals(before.get(key))) {
                lines.add(variable + "[" + key + "] = " + value);
            }
        });
        before.keySet().stream().filter(key -> !after.containsKey(key)).forEach(key -> lines.add(variable + " - " + key));
        return lines;
    }

    private static boolean isSet(String value) {
        return value.startsWith("{") && value.endsWith("}");
    }

    /** TLC prints functions with finite domains as {@code (k1 :> v1 @@ k2 :> v2)}. */
    private static boolean isFunction(String value) {
        return value.startsWith("(") && value.endsWith(")") && value.contains(":>");
    }

    private static Map<String, String> entries(String function) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String entry : elements(function, "@@")) {
            int arrow = entry.indexOf(":>");
            if (arrow < 0) {
                return Map.of();
            }
            entries.put(entry.substring(0, arrow).strip(), entry.substring(arrow + 2).strip());
        }
        return entries;
    }

    /** The top-level elements of a bracketed value, split at {@code separator} outside nested brackets and strings. */
    private static List<String> elements(String bracketed, String separator) {
        String inner = bracketed.substring(1, bracketed.length() - 1);
        List<String> elements = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '"' && (i == 0 || inner.charAt(i - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && (c == '{' || c == '[' || c == '(' || c == '<')) {
                depth += c == '<' && !inner.startsWith("<<", i) ? 0 : 1;
            } else if (!inString && (c == '}' || c == ']' || c == ')' || c == '>')) {
                depth -= c == '>' && !inner.startsWith(">>", i) ? 0 : 1;
            } else if (!inString && depth == 0 && inner.startsWith(separator, i)) {
                elements.add(inner.substring(start, i).strip());
                start = i + separator.length();
            }
            if (c == '<' && inner.startsWith("<<", i) || c == '>' && inner.startsWith(">>", i)) {
                i++;
            }
        }
        String last = inner.substring(start).strip();
        if (!last.isEmpty()) {
            elements.add(last);
        }
        return elements;
    }
}
