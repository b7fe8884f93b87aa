package dev.paxosref.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MultiClientTest {
    @Test
    void submitSendsARequestOnce() {
        MultiClient client = new MultiClient();
        assertEquals(List.of(new MultiMessage.Request("c")), ((Step.Ready<MultiMessage>) client.Submit("c")).send());
        assertEquals(new Step.NotEnabled("Submit", "c \\notin submitted"), client.Submit("c"));
    }

    @Test
    void resubmitOnlyWhatWasSubmittedAndNotAnswered() {
        MultiClient client = new MultiClient();
        assertEquals(new Step.NotEnabled("Resubmit", "c \\in submitted"), client.Resubmit("c"));
        client.Submit("c");
        assertEquals(List.of(new MultiMessage.Request("c")), ((Step.Ready<MultiMessage>) client.Resubmit("c")).send());
        client.ReceiveReply("c", "4");
        assertEquals(new Step.NotEnabled("Resubmit", "~\\E ack \\in acked : ack[1] = c"), client.Resubmit("c"));
    }

    @Test
    void receiveReplyRecordsTheAck() {
        MultiClient client = new MultiClient();
        Step.Ready<MultiMessage> reply = client.ReceiveReply("c", "4");
        assertEquals(List.of(new MultiMessage.Reply("c", "4")), reply.recv());
        assertEquals(Optional.of("4"), client.ackOf("c"));
        assertEquals(Map.of(), reply.state(), "submitted and acked are global, not var[client]");
    }
}
