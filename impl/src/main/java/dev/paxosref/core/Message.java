package dev.paxosref.core;

/**
 * Paxos.tla: Message, its four record types with the spec's field names (a null value is the spec's None).
 * MultiPaxos.tla's messages are a family of their own, {@link MultiMessage}: the two protocols never exchange one.
 */
public sealed interface Message permits Message.Msg1a, Message.Msg1b, Message.Msg2a, Message.Msg2b {
    /** The spec's type field: "1a", "1b", "2a" or "2b". */
    String type();

    /** [type |-> "1a", bal |-> b]. */
    record Msg1a(int bal) implements Message {
        public Msg1a {
            Invariant.check(bal >= 0, () -> "1a bal " + bal);
        }

        @Override
        public String type() {
            return "1a";
        }
    }

    /** [type |-> "1b", acc |-> a, bal |-> b, mbal |-> maxVBal[a], mval |-> maxVal[a]]. */
    record Msg1b(String acc, int bal, int mbal, String mval) implements Message {
        public Msg1b {
            Invariant.check(bal >= 0 && mbal < bal,
                () -> "1b from " + acc + ": mbal " + mbal + " must be below bal " + bal);
            Invariant.check((mbal == Ballots.NONE) == (mval == null),
                () -> "1b from " + acc + ": mval None iff mbal = -1, got " + mbal + "/" + mval);
        }

        @Override
        public String type() {
            return "1b";
        }
    }

    /** [type |-> "2a", bal |-> b, val |-> v]. */
    record Msg2a(int bal, String val) implements Message {
        public Msg2a {
            Invariant.check(bal >= 0 && val != null, () -> "2a " + bal + " " + val);
        }

        @Override
        public String type() {
            return "2a";
        }
    }

    /** [type |-> "2b", acc |-> a, bal |-> b, val |-> v]. */
    record Msg2b(String acc, int bal, String val) implements Message {
        public Msg2b {
            Invariant.check(bal >= 0 && val != null, () -> "2b from " + acc + ": " + bal + " " + val);
        }

        @Override
        public String type() {
            return "2b";
        }
    }
}
