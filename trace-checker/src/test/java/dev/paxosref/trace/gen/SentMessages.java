package dev.paxosref.trace.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paxosref.trace.spec.TlaToJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tlc2.tool.TLCState;
import tlc2.value.impl.Enumerable;
import tlc2.value.impl.Value;
import tlc2.value.impl.ValueEnumeration;

/**
 * The messages a generated run has sent, with the id and clock of their first send, indexed by type, ballot and
 * value. The spec's msgs only grows, so a state with as many messages as we know holds nothing new; that keeps a
 * step O(1) once the ballots are used up.
 */
final class SentMessages {
    /** One sent message and when it was sent. */
    record Sent(JsonNode message, String id, long clock) {
        ObjectNode withId() {
            ObjectNode withId = JsonNodeFactory.instance.objectNode().put("id", id);
            withId.setAll((ObjectNode) message);
            return withId;
        }
    }

    private final Map<JsonNode, Sent> byContent = new HashMap<>();
    private final Map<String, List<JsonNode>> byType = new HashMap<>();
    private final Map<String, List<Sent>> byKey = new HashMap<>();

    List<JsonNode> ofType(String type) {
        return byType.getOrDefault(type, List.of());
    }

    /** Sent messages of {@code type} and ballot {@code bal}, and value {@code val} unless it is null. */
    List<Sent> matching(String type, JsonNode bal, JsonNode val) {
        return byKey.getOrDefault(key(type, bal, val), List.of());
    }

    /** The messages of {@code post}'s msgs not sent before. */
    List<JsonNode> newIn(TLCState post, TlaToJson toJson) {
        Enumerable msgs = (Enumerable) post.lookup("msgs");
        List<JsonNode> fresh = new ArrayList<>();
        if (msgs.size() == byContent.size()) {
            return fresh;
        }
        ValueEnumeration elements = msgs.elements();
        for (Value m = elements.nextElement(); m != null; m = elements.nextElement()) {
            JsonNode json = toJson.convert(m);
            if (!byContent.containsKey(json)) {
                fresh.add(json);
            }
        }
        return fresh;
    }

    Sent record(JsonNode message, String node, long clock) {
        Sent sent = new Sent(message, node + "." + (byContent.size() + 1), clock);
        byContent.put(message, sent);
        String type = message.get("type").asText();
        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(message);
        byKey.computeIfAbsent(key(type, message.get("bal"), null), k -> new ArrayList<>()).add(sent);
        if (message.has("val")) {
            byKey.computeIfAbsent(key(type, message.get("bal"), message.get("val")), k -> new ArrayList<>()).add(sent);
        }
        return sent;
    }

    private static String key(String type, JsonNode bal, JsonNode val) {
        return type + "/" + bal + (val == null ? "" : "/" + val);
    }
}
