package dev.paxosref.trace.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.Value;

/** The matcher's lookups: by halving in a large function, by integer in a function of integers, remembered pairs. */
class LoggedValueMatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ARGUMENTS = 40; // above the matcher's scan limit, so searched by halving

    private final LoggedValueMatcher matcher = new LoggedValueMatcher(new JsonToTla(SpecConventions.MULTI_PAXOS));

    /** slot -> "v<slot>" for slots 1 .. ARGUMENTS, its domain in descending order (not normalized). */
    private static FcnRcdValue decisions() {
        Value[] domain = new Value[ARGUMENTS];
        Value[] values = new Value[ARGUMENTS];
        for (int i = 0; i < ARGUMENTS; i++) {
            domain[i] = IntValue.gen(ARGUMENTS - i);
            values[i] = new StringValue("v" + (ARGUMENTS - i));
        }
        return new FcnRcdValue(domain, values, false);
    }

    private static ObjectNode logged(int slots) {
        ObjectNode object = JSON.createObjectNode();
        for (int s = 1; s <= slots; s++) {
            object.put(String.valueOf(s), "v" + s);
        }
        return object;
    }

    @Test
    void largeFunctionOfIntegersAgreesWithEveryLoggedArgument() {
        assertTrue(matcher.agrees(logged(ARGUMENTS), decisions()));
        assertTrue(matcher.agrees(logged(3), decisions()), "a logged object may leave arguments out");
    }

    @Test
    void largeFunctionDisagreesOnAValueOrAnArgumentItLacks() {
        ObjectNode wrongValue = logged(ARGUMENTS).put("17", "v18");
        assertFalse(matcher.agrees(wrongValue, decisions()));
        ObjectNode extraArgument = logged(ARGUMENTS).put(String.valueOf(ARGUMENTS + 1), "v");
        assertFalse(matcher.agrees(extraArgument, decisions()));
        ObjectNode nameNotNumber = logged(2).put("own", "v1");
        assertFalse(matcher.agrees(nameNotNumber, decisions()), "a function of integers has no string argument");
    }

    @Test
    void rememberedAgreementIsOnlyForTheSameSpecValue() throws Exception {
        JsonNode logged = JSON.readTree("{\"1\":\"v1\"}");
        assertTrue(matcher.agrees(logged, decisions()));
        FcnRcdValue other = new FcnRcdValue(new Value[] {IntValue.gen(1)}, new Value[] {new StringValue("w")}, true);
        assertFalse(matcher.agrees(logged, other));
    }
}
