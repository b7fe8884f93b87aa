package dev.paxosref.trace.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tlc2.value.impl.Enumerable;
import tlc2.value.impl.Value;

/**
 * A set logged as its change: the object {@code {"$added": [...], "$removed": [...]}}, either member optional, in
 * place of the whole array. Its elements are whole values, compared by equality. The value after the step alone
 * tells only that every element added is in the set and none removed is; that the elements not listed are
 * unchanged and that each listed one was a change is the rule of a log of changes, which needs the value before.
 */
public record SetChange(List<Element> added, List<Element> removed) {
    /** The member of a set logged as changes that lists the elements the step added. */
    public static final String ADDED = "$added";

    /** An element listed, as logged (for a report, in the log's words) and as a TLC value. */
    public record Element(JsonNode logged, Value value) {}

    /**
     * {@code logged} as a set's change, or null if it is not one: an object whose members are {@value #ADDED} and
     * {@value LoggedValueMatcher#REMOVED} only, each an array.
     */
    public static SetChange of(JsonNode logged, JsonToTla toTla) {
        if (!isShaped(logged)) {
            return null;
        }
        return new SetChange(elements(logged.get(ADDED), toTla), elements(logged.get(LoggedValueMatcher.REMOVED),
                toTla));
    }

    /** Whether {@code logged} has a set change's shape: an object of arrays under {@value #ADDED} and $removed only. */
    public static boolean isShaped(JsonNode logged) {
        if (!logged.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> member : logged.properties()) {
            boolean known = member.getKey().equals(ADDED) || member.getKey().equals(LoggedValueMatcher.REMOVED);
            if (!known || !member.getValue().isArray()) {
                return false;
            }
        }
        return true;
    }

    /** Whether every element added is in {@code after} and no element removed is. */
    public boolean agreesAfter(Enumerable after) {
        for (Element element : added) {
            if (!Membership.isMember(after, element.value())) {
                return false;
            }
        }
        for (Element element : removed) {
            if (Membership.isMember(after, element.value())) {
                return false;
            }
        }
        return true;
    }

    private static List<Element> elements(JsonNode array, JsonToTla toTla) {
        if (array == null) {
            return List.of();
        }
        List<Element> elements = new ArrayList<>(array.size());
        array.forEach(element -> elements.add(new Element(element, toTla.convert(element))));
        return elements;
    }
}
