package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paxosref.core.rsm.Command;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MultiClientTest {
    private static List<MultiMessage> sent(Step<MultiMessage> step) {
        return ((Step.Ready<MultiMessage>) step).send();
    }

    @Test
    void submitNumbersRequestsAndWaitsForTheAnswer() {
        MultiClient client = new MultiClient("c1");
        assertEquals(List.of(new MultiMessage.Request("c1|1|incr")), sent(client.Submit(new Command.Increment())));
        assertEquals(new Step.NotEnabled<MultiMessage>("Submit", "cReq[c] = None \\/ cReply[c] # None"),
            client.Submit(new Command.Get("k")));
        client.ReceiveReply("c1|1|incr", "1");
        assertEquals(List.of(new MultiMessage.Request("c1|2|get|k")), sent(client.Submit(new Command.Get("k"))));
        assertEquals(Optional.empty(), client.reply(), "a new request has no reply yet");
    }

    @Test
    void submitLogsTheOperationAsTheSpecsTuple() {
        Step.Ready<MultiMessage> step = (Step.Ready<MultiMessage>) new MultiClient("c1")
            .Submit(new Command.Cas("k", "nil", "v"));
        assertEquals(List.of("cas", "k", "nil", "v"), step.action().params().get("o"));
    }

    @Test
    void resubmitOnlyTheUnansweredRequest() {
        MultiClient client = new MultiClient("c1");
        assertEquals(new Step.NotEnabled<MultiMessage>("Resubmit", "cReq[c] # None"), client.Resubmit());
        client.Submit(new Command.Put("k", "v"));
        assertEquals(List.of(new MultiMessage.Request("c1|1|put|k|v")), sent(client.Resubmit()));
        client.ReceiveReply("c1|1|put|k|v", "ok");
        assertEquals(new Step.NotEnabled<MultiMessage>("Resubmit", "cReply[c] = None"), client.Resubmit());
    }

    @Test
    void keepsTheFirstReplyToTheCurrentRequestOnly() {
        MultiClient client = new MultiClient("c1");
        client.Submit(new Command.Increment());
        client.ReceiveReply("c1|1|incr", "3");
        client.ReceiveReply("c1|1|incr", "4");
        assertEquals(Optional.of("3"), client.reply());
        client.Submit(new Command.Increment());
        Step.Ready<MultiMessage> stale = (Step.Ready<MultiMessage>) client.ReceiveReply("c1|1|incr", "3");
        assertEquals(List.of(new MultiMessage.Reply("c1|1|incr", "3")), stale.recv());
        Map<String, Object> expected = new HashMap<>();
        expected.put("cReq", "c1|2|incr");
        expected.put("cReply", null);
        assertEquals(expected, new HashMap<>(stale.state()), "a reply to an older request changes nothing");
    }

    @Test
    void refusesAnotherClientsReply() {
        MultiClient client = new MultiClient("c1");
        client.Submit(new Command.Increment());
        assertEquals(new Step.NotEnabled<MultiMessage>("ReceiveReply", "cmd.client = c"),
            client.ReceiveReply("c2|1|incr", "1"));
        assertEquals(Arrays.asList("c1|1|incr", null), Arrays.asList(client.vars().values().toArray()));
    }
}
