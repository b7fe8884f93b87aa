package dev.paxosref.node;

import dev.paxosref.core.MultiAcceptorDurable;
import dev.paxosref.core.ReplicaDurable;

/** What a Multi-Paxos node reads back from stable storage after a restart: each role's durable variables. */
public record MultiPaxosDurable(MultiAcceptorDurable acceptor, int pBal, ReplicaDurable replica) {
}
