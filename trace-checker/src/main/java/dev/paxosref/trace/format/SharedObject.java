package dev.paxosref.trace.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object made by {@link SharedJson}: its fields, in the order read, are also an array, so that comparing it
 * with an object being read reads one array instead of a hash map's table and entries. A small object (most
 * logged states and messages) keeps only that array, as a read-only map that looks a name up by scanning it: about
 * two thirds of a LinkedHashMap's memory (no table, no links), which the collector copies while the value is
 * shared. Not to be changed: it is one object for every event that logged it.
 */
final class SharedObject extends ObjectNode {
    /** Objects with more fields also keep a hash map, so that looking a name up does not scan them. */
    private static final int SCANNED_FIELDS_MAX = 8;

    private final Map.Entry<String, JsonNode>[] fields;

    private SharedObject(Map.Entry<String, JsonNode>[] fields, Map<String, JsonNode> map) {
        super(JsonNodeFactory.instance, map);
        this.fields = fields;
    }

    /** The object of the fields {@code from} to {@code to}, or null if a name repeats. */
    static SharedObject of(String[] names, JsonNode[] values, int from, int to) {
        @SuppressWarnings("unchecked")
        Map.Entry<String, JsonNode>[] fields = new Map.Entry[to - from];
        for (int i = from; i < to; i++) {
            fields[i - from] = new AbstractMap.SimpleImmutableEntry<>(names[i], values[i]);
        }
        if (fields.length <= SCANNED_FIELDS_MAX) {
            for (int i = 1; i < fields.length; i++) {
                for (int j = 0; j < i; j++) {
                    if (fields[i].getKey().equals(fields[j].getKey())) {
                        return null;
                    }
                }
            }
            return new SharedObject(fields, new ScannedFields(fields));
        }
        Map<String, JsonNode> map = new LinkedHashMap<>(fields.length * 4 / 3 + 1);
        for (Map.Entry<String, JsonNode> field : fields) {
            if (map.putIfAbsent(field.getKey(), field.getValue()) != null) {
                return null;
            }
        }
        return new SharedObject(fields, map);
    }

    /** Whether its fields are those {@code from} to {@code to}: the same names, in order, and the same values. */
    boolean hasFields(String[] names, JsonNode[] values, int from, int to) {
        if (fields.length != to - from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            Map.Entry<String, JsonNode> field = fields[i - from];
            if (field.getValue() != values[i] || !field.getKey().equals(names[i])) {
                return false;
            }
        }
        return true;
    }

    /** A few fields as a read-only map: found by scanning them. */
    private static final class ScannedFields extends AbstractMap<String, JsonNode> {
        private final Map.Entry<String, JsonNode>[] fields;
        private final Set<Map.Entry<String, JsonNode>> entries = new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, JsonNode>> iterator() {
                return Arrays.asList(fields).iterator();
            }

            @Override
            public int size() {
                return fields.length;
            }
        };

        ScannedFields(Map.Entry<String, JsonNode>[] fields) {
            this.fields = fields;
        }

        @Override
        public JsonNode get(Object name) {
            for (Map.Entry<String, JsonNode> field : fields) {
                if (field.getKey().equals(name)) {
                    return field.getValue();
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object name) {
            return get(name) != null;
        }

        @Override
        public int size() {
            return fields.length;
        }

        @Override
        public Set<Map.Entry<String, JsonNode>> entrySet() {
            return entries;
        }
    }
}
