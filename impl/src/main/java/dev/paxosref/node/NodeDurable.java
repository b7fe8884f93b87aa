package dev.paxosref.node;

import dev.paxosref.core.Durable;
import java.util.List;

/** What a node reads back from its storage after a restart: each role's durable variables. */
public interface NodeDurable {
    /** Each role's durable state, as the core's steps ask to persist it. */
    List<Durable> parts();
}
