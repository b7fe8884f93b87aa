package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paxosref.core.Acceptor;
import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.Learner;
import dev.paxosref.core.Message;
import dev.paxosref.core.QuorumSystem;
import dev.paxosref.core.Step;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact shape the trace checker's schema is written against. */
class TraceWriterTest {
    @Test
    void headerThenOneLinePerActionNamedByItsProcessWithContentIds() {
        StringWriter out = new StringWriter();
        Map<String, Object> constants = new LinkedHashMap<>();
        constants.put("Acceptor", List.of("a1"));
        constants.put("None", null);
        TraceWriter trace = new TraceWriter(out, "Paxos", "n1", constants);
        Acceptor a1 = new Acceptor("a1", AcceptorState.INITIAL);
        trace.write(4, (Step.Ready) a1.Phase1b(3));
        trace.write(5, (Step.Ready) a1.Phase2b(3, "v"));
        trace.flush();
        assertEquals(String.join("\n",
            "{\"format\":\"paxos-trace\",\"version\":1,\"spec\":\"Paxos\","
                + "\"constants\":{\"Acceptor\":[\"a1\"],\"None\":null}}",
            "{\"node\":\"a1\",\"clock\":4,\"action\":\"Phase1b\",\"params\":{\"a\":\"a1\",\"b\":3},"
                + "\"recv\":[{\"id\":\"1a/3\",\"type\":\"1a\",\"bal\":3}],"
                + "\"sent\":[{\"id\":\"1b/a1/3\",\"type\":\"1b\",\"acc\":\"a1\",\"bal\":3,\"mbal\":-1,\"mval\":null}],"
                + "\"state\":{\"maxBal\":3,\"maxVBal\":-1,\"maxVal\":null}}",
            "{\"node\":\"a1\",\"clock\":5,\"action\":\"Phase2b\",\"params\":{\"a\":\"a1\",\"b\":3,\"v\":\"v\"},"
                + "\"recv\":[{\"id\":\"2a/3\",\"type\":\"2a\",\"bal\":3,\"val\":\"v\"}],"
                + "\"sent\":[{\"id\":\"2b/a1/3/v\",\"type\":\"2b\",\"acc\":\"a1\",\"bal\":3,\"val\":\"v\"}],"
                + "\"state\":{\"maxBal\":3,\"maxVBal\":3,\"maxVal\":\"v\"}}",
            ""), out.toString());
    }

    @Test
    void learnerEventsCarryLearnedAsNullForNone() {
        StringWriter out = new StringWriter();
        TraceWriter trace = new TraceWriter(out, "Paxos", "n2", Map.of());
        Learner l2 = new Learner("l2", new QuorumSystem(List.of("a1")));
        l2.receive(new Message.Msg2b("a1", 0, "v"));
        trace.write(1, (Step.Ready) l2.Learn(0, "v"));
        trace.write(2, l2.LearnerCrash());
        trace.flush();
        String[] lines = out.toString().split("\n");
        assertEquals("{\"node\":\"l2\",\"clock\":2,\"action\":\"LearnerCrash\",\"params\":{\"l\":\"l2\"},"
            + "\"recv\":[],\"sent\":[],\"state\":{\"learned\":null}}", lines[2]);
    }
}
