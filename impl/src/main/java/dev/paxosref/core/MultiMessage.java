package dev.paxosref.core;

import java.util.List;

/**
 * MultiPaxos.tla: Message, its ten record types with the spec's field names. Most name their receiver
 * ({@code to}); a request goes to whichever leader takes it and a reply to the client of its command.
 */
public sealed interface MultiMessage {
    /** The value a new leader fills gaps with; never a client command, whose encoding has separators. */
    String NO_OP = "NoOp";

    /**
     * The spec's type field: "request", "1a", "1b", "2a", "2b", "preempted", "decision", "catchup", "snapshot" or
     * "reply".
     */
    String type();

    /** [type |-> "request", cmd |-> c]. */
    record Request(String cmd) implements MultiMessage {
        @Override
        public String type() {
            return "request";
        }
    }

    /** [type |-> "1a", to |-> a, bal |-> b]. */
    record Msg1a(String to, int bal) implements MultiMessage {
        @Override
        public String type() {
            return "1a";
        }
    }

    /** [type |-> "1b", from |-> a, bal |-> b, low |-> low[a], votes |-> accepted[a]]; votes in SlotVote.ORDER. */
    record Msg1b(String from, int bal, int low, List<SlotVote> votes) implements MultiMessage {
        public Msg1b {
            votes = votes.stream().sorted(SlotVote.ORDER).toList();
        }

        @Override
        public String type() {
            return "1b";
        }
    }

    /** [type |-> "2a", to |-> a, bal |-> b, slot |-> s, val |-> v]. */
    record Msg2a(String to, int bal, int slot, String val) implements MultiMessage {
        @Override
        public String type() {
            return "2a";
        }
    }

    /**
     * [type |-> "2b", from |-> a, bal |-> b, slot |-> s, val |-> v, low |-> low[a]]: the leader forgets the decisions
     * below low, which every replica has in its snapshot.
     */
    record Msg2b(String from, int bal, int slot, String val, int low) implements MultiMessage {
        @Override
        public String type() {
            return "2b";
        }
    }

    /** [type |-> "preempted", bal |-> b, higher |-> c]: ballot b's owner must step down. */
    record Preempted(int bal, int higher) implements MultiMessage {
        @Override
        public String type() {
            return "preempted";
        }
    }

    /** [type |-> "decision", to |-> r, slot |-> s, val |-> v]. */
    record Decision(String to, int slot, String val) implements MultiMessage {
        @Override
        public String type() {
            return "decision";
        }
    }

    /** [type |-> "catchup", from |-> r, to |-> p, slot |-> s]: replica r asks proposer p for the decision of s. */
    record CatchUp(String from, int to, int slot) implements MultiMessage {
        @Override
        public String type() {
            return "catchup";
        }
    }

    /** [type |-> "snapshot", from |-> r, to |-> a, idx |-> i]. */
    record Snapshot(String from, String to, int idx) implements MultiMessage {
        @Override
        public String type() {
            return "snapshot";
        }
    }

    /** [type |-> "reply", cmd |-> c, result |-> n]; the result is the counter value after c, as a decimal. */
    record Reply(String cmd, String result) implements MultiMessage {
        @Override
        public String type() {
            return "reply";
        }
    }
}
