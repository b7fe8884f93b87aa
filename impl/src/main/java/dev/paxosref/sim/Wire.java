package dev.paxosref.sim;

import dev.paxosref.core.Message;
import dev.paxosref.core.MultiMessage;

/**
 * What travels on the simulated network: Paxos.tla's or MultiPaxos.tla's messages (a cluster runs one protocol),
 * heartbeats, and the single-decree clients' requests and replies.
 */
sealed interface Wire {
    record Paxos(Message message) implements Wire {
    }

    record MultiPaxos(MultiMessage message) implements Wire {
    }

    /** The election's "I am alive"; not a spec message, so never traced. */
    record Heartbeat(int from) implements Wire {
    }

    /** A client asks a node to propose value (an encoded ClientRequest). */
    record Request(int clientAddress, String value) implements Wire {
    }

    /** The decision's answer to the client that proposed value: its result if value was chosen, else null. */
    record Response(String value, String result) implements Wire {
    }
}
