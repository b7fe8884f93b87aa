package dev.paxosref.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paxosref.core.Acceptor;
import dev.paxosref.core.AcceptorState;
import dev.paxosref.core.Learner;
import dev.paxosref.core.Message;
import dev.paxosref.core.MultiAcceptor;
import dev.paxosref.core.MultiAcceptorDurable;
import dev.paxosref.core.MultiMessage;
import dev.paxosref.core.MultiProposer;
import dev.paxosref.core.MultiReplica;
import dev.paxosref.core.QuorumSystem;
import dev.paxosref.core.ReplicaDurable;
import dev.paxosref.core.Step;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exact shape the trace checker's schema is written against: each event names the spec process that took the
 * step, each message carries an id derived from its content, and each event's state holds what its step changed.
 */
class TraceWriterTest {
    @Test
    void headerThenOneLinePerActionNamedByItsProcessWithContentIds() {
        StringWriter out = new StringWriter();
        Map<String, Object> constants = new LinkedHashMap<>();
        constants.put("Acceptor", List.of("a1"));
        TraceWriter<Message> trace = TraceWriter.paxos(out, "n1", constants);
        Acceptor a1 = new Acceptor("a1", AcceptorState.INITIAL);
        trace.write(4, (Step.Ready<Message>) a1.Phase1b(3));
        trace.write(5, (Step.Ready<Message>) a1.Phase2b(3, "v"));
        trace.flush();
        assertEquals(String.join("\n",
            "{\"format\":\"paxos-trace\",\"version\":1,\"spec\":\"Paxos\",\"complete\":true,"
                + "\"state\":\"changes\",\"constants\":{\"Acceptor\":[\"a1\"]}}",
            "{\"node\":\"a1\",\"clock\":4,\"action\":\"Phase1b\",\"params\":{\"a\":\"a1\",\"b\":3},"
                + "\"recv\":[{\"id\":\"1a/3\",\"type\":\"1a\",\"bal\":3}],"
                + "\"sent\":[{\"id\":\"1b/a1/3\",\"type\":\"1b\",\"acc\":\"a1\",\"bal\":3,\"mbal\":-1,\"mval\":null}],"
                + "\"state\":{\"maxBal\":3,\"maxVBal\":-1,\"maxVal\":null}}",
            "{\"node\":\"a1\",\"clock\":5,\"action\":\"Phase2b\",\"params\":{\"a\":\"a1\",\"b\":3,\"v\":\"v\"},"
                + "\"recv\":[{\"id\":\"2a/3\",\"type\":\"2a\",\"bal\":3,\"val\":\"v\"}],"
                + "\"sent\":[{\"id\":\"2b/a1/3/v\",\"type\":\"2b\",\"acc\":\"a1\",\"bal\":3,\"val\":\"v\"}],"
                + "\"state\":{\"maxVBal\":3,\"maxVal\":\"v\"}}",
            ""), out.toString());
    }

    @Test
    void learnerEventsCarryLearnedAsNullForNone() {
        StringWriter out = new StringWriter();
        TraceWriter<Message> trace = TraceWriter.paxos(out, "n2", Map.of());
        Learner l2 = new Learner("l2", new QuorumSystem(List.of("a1")));
        l2.receive(new Message.Msg2b("a1", 0, "v"));
        trace.write(1, (Step.Ready<Message>) l2.Learn(0, "v"));
        trace.write(2, l2.LearnerCrash());
        trace.flush();
        String[] lines = out.toString().split("\n");
        assertEquals("{\"node\":\"l2\",\"clock\":2,\"action\":\"LearnerCrash\",\"params\":{\"l\":\"l2\"},"
            + "\"recv\":[],\"sent\":[],\"state\":{\"learned\":null}}", lines[2]);
    }

    @Test
    void multiPaxosEventsCarryBagMessagesAndStructuredState() {
        StringWriter out = new StringWriter();
        TraceWriter<MultiMessage> trace = TraceWriter.multiPaxos(out, "n1", Map.of());
        MultiAcceptor a1 = new MultiAcceptor("a1", List.of("r1"), MultiAcceptorDurable.INITIAL);
        trace.write(1, (Step.Ready<MultiMessage>) a1.Phase2b(2, 1, "x"));
        MultiReplica r1 = new MultiReplica("r1", List.of("a1"), 1, ReplicaDurable.INITIAL);
        trace.write(2, r1.ReceiveDecision(1, MultiMessage.NO_OP));
        MultiProposer p0 = new MultiProposer(0, 1, new QuorumSystem(List.of("a1")), List.of("r1"), -1);
        p0.Phase1a(0);
        trace.write(3, (Step.Ready<MultiMessage>) p0.ReceiveAccepted("a1", 0, 1, "x", 1));
        trace.flush();
        String[] lines = out.toString().split("\n");
        assertEquals("{\"node\":\"a1\",\"clock\":1,\"action\":\"Phase2b\",\"params\":{\"a\":\"a1\",\"b\":2,\"s\":1,"
            + "\"v\":\"x\"},\"recv\":[{\"id\":\"2a/a1/2/1/x\",\"type\":\"2a\",\"to\":\"a1\",\"bal\":2,\"slot\":1,"
            + "\"val\":\"x\"}],\"sent\":[{\"id\":\"2b/a1/2/1/1/x\",\"type\":\"2b\",\"from\":\"a1\",\"bal\":2,\"slot\":1,"
            + "\"val\":\"x\",\"low\":1}],\"state\":{\"maxBal\":2,\"accepted\":[[1,2,\"x\"]],\"low\":1,\"heard\":{\"r1\":0}}}",
            lines[1]);
        String noOp = "{\"client\":\"\",\"seq\":0,\"op\":[\"noop\"]}";
        String emptyMachine = "{\"idx\":0,\"counter\":0,\"kv\":{},\"session\":{}}";
        assertEquals("{\"node\":\"r1\",\"clock\":2,\"action\":\"ReceiveDecision\",\"params\":{\"r\":\"r1\",\"s\":1,"
            + "\"v\":" + noOp + "},\"recv\":[{\"id\":\"decision/r1/1/NoOp\",\"type\":\"decision\",\"to\":\"r1\",\"slot\":1,"
            + "\"val\":" + noOp + "}],\"sent\":[],\"state\":{\"rLog\":{\"1\":" + noOp + "},\"snap\":" + emptyMachine
            + ",\"sm\":" + emptyMachine + "}}", lines[2]);
        assertTrue(lines[3].startsWith("{\"node\":0,\"clock\":3,\"action\":\"ReceiveAccepted\""),
            "ReceiveAccepted(p, a, ...) is p's step: " + lines[3]);
    }

    @Test
    void aProposerLogsWhatAStepChangedAndTheDecisionsACrashDrops() {
        StringWriter out = new StringWriter();
        TraceWriter<MultiMessage> trace = TraceWriter.multiPaxos(out, "n1", Map.of());
        MultiProposer p0 = new MultiProposer(0, 1, new QuorumSystem(List.of("a1")), List.of("r1"), -1);
        p0.Phase1a(0);
        p0.ReceivePromise(new MultiMessage.Msg1b("a1", 0, 1, List.of()));
        p0.Propose("x");
        p0.Propose("y");
        trace.write(1, (Step.Ready<MultiMessage>) p0.ReceiveAccepted("a1", 0, 1, "x", 1));
        trace.write(2, (Step.Ready<MultiMessage>) p0.ReceiveAccepted("a1", 0, 2, "y", 1));
        trace.write(3, p0.ProposerCrash());
        trace.flush();
        String[] lines = out.toString().split("\n");
        assertTrue(lines[1].endsWith("\"pNext\":3,\"pKnown\":{\"1\":\"x\"}}}"), "the first logs all: " + lines[1]);
        assertTrue(lines[2].endsWith("\"state\":{\"pProposals\":[],\"pKnown\":{\"2\":\"y\"}}}"),
            "slot 1 was logged before: " + lines[2]);
        assertTrue(lines[3].endsWith("\"state\":{\"pPhase\":\"idle\",\"pNext\":1,\"pKnown\":{\"$removed\":[1,2]}}}"),
            lines[3]);
    }

    @Test
    void anAcceptorLogsTheVotesAStepAddsAndRemovesWhenFewerThanItsVotes() {
        StringWriter out = new StringWriter();
        TraceWriter<MultiMessage> trace = TraceWriter.multiPaxos(out, "n1", Map.of());
        MultiAcceptor a1 = new MultiAcceptor("a1", List.of("r1"), MultiAcceptorDurable.INITIAL);
        trace.write(1, (Step.Ready<MultiMessage>) a1.Phase2b(2, 1, "x"));
        trace.write(2, (Step.Ready<MultiMessage>) a1.Phase2b(2, 2, "y"));
        trace.write(3, (Step.Ready<MultiMessage>) a1.Phase2b(2, 3, "z"));
        trace.write(4, (Step.Ready<MultiMessage>) a1.Phase2b(3, 2, "w"));
        trace.flush();
        String[] lines = out.toString().split("\n");
        assertTrue(lines[1].endsWith("\"accepted\":[[1,2,\"x\"]],\"low\":1,\"heard\":{\"r1\":0}}}"),
            "the first event logs the set whole: " + lines[1]);
        assertTrue(lines[2].endsWith("\"state\":{\"accepted\":{\"$added\":[[2,2,\"y\"]]}}}"), lines[2]);
        assertTrue(lines[4].endsWith("\"state\":{\"maxBal\":3,"
            + "\"accepted\":{\"$added\":[[2,3,\"w\"]],\"$removed\":[[2,2,\"y\"]]}}}"),
            "the vote replaced in slot 2 is removed: " + lines[4]);
    }

    @Test
    void aSetWithAsManyChangesAsElementsIsLoggedWhole() {
        StringWriter out = new StringWriter();
        TraceWriter<MultiMessage> trace = TraceWriter.multiPaxos(out, "n1", Map.of());
        MultiAcceptor a1 = new MultiAcceptor("a1", List.of("r1"), MultiAcceptorDurable.INITIAL);
        trace.write(1, (Step.Ready<MultiMessage>) a1.Phase2b(2, 1, "x"));
        trace.write(2, (Step.Ready<MultiMessage>) a1.Phase2b(3, 1, "y"));
        trace.flush();
        String[] lines = out.toString().split("\n");
        assertTrue(lines[2].endsWith("\"state\":{\"maxBal\":3,\"accepted\":[[1,3,\"y\"]]}}"),
            "one added and one removed are more than the one vote: " + lines[2]);
    }

    @Test
    void aReplicaLogsTheFieldsOfItsMachineStateAStepChangedAndTheSlotsASnapshotDrops() {
        StringWriter out = new StringWriter();
        TraceWriter<MultiMessage> trace = TraceWriter.multiPaxos(out, "n1", Map.of());
        MultiReplica r1 = new MultiReplica("r1", List.of("a1"), 1, ReplicaDurable.INITIAL);
        trace.write(1, r1.ReceiveDecision(1, "c1|1|put|k|v"));
        trace.write(2, (Step.Ready<MultiMessage>) r1.Execute());
        trace.write(3, (Step.Ready<MultiMessage>) r1.Snapshot());
        trace.write(4, r1.ReplicaCrash());
        trace.flush();
        String[] lines = out.toString().split("\n");
        assertTrue(lines[2].endsWith("\"state\":{\"sm\":{\"idx\":1,\"kv\":{\"k\":\"v\"},"
            + "\"session\":{\"c1\":{\"seq\":1,\"reply\":\"ok\"}}}}}"), "counter is unchanged: " + lines[2]);
        assertTrue(lines[3].endsWith("\"state\":{\"rLog\":{\"$removed\":[1]},\"snap\":{\"idx\":1,"
            + "\"kv\":{\"k\":\"v\"},\"session\":{\"c1\":{\"seq\":1,\"reply\":\"ok\"}}}}}"), lines[3]);
        assertTrue(lines[4].endsWith("\"state\":{}}"), "sm' = snap changes nothing here: " + lines[4]);
    }

    @Test
    void aCatchUpRequestNamesItsProposerByNumber() {
        StringWriter out = new StringWriter();
        TraceWriter<MultiMessage> trace = TraceWriter.multiPaxos(out, "n1", Map.of());
        MultiReplica r1 = new MultiReplica("r1", List.of("a1"), 1, ReplicaDurable.INITIAL);
        trace.write(1, (Step.Ready<MultiMessage>) r1.RequestCatchUp());
        trace.flush();
        String line = out.toString().split("\n")[1];
        assertTrue(line.startsWith("{\"node\":\"r1\",\"clock\":1,\"action\":\"RequestCatchUp\","
            + "\"params\":{\"r\":\"r1\"},\"recv\":[],\"sent\":[{\"id\":\"catchup/r1/0/1\",\"type\":\"catchup\","
            + "\"from\":\"r1\",\"to\":0,\"slot\":1}]"), line);
    }
}
