package dev.paxosref.trace;

import dev.paxosref.trace.format.TraceEvent;
import dev.paxosref.trace.spec.ModuleSignature;
import dev.paxosref.trace.spec.TraceVocabulary;
import java.util.Iterator;
import java.util.List;

/**
 * A whole trace's events, each checked against the spec's vocabulary as the stepping loop takes it, rather than in a
 * pass of their own before: that pass over 100,000 events' JSON trees cost a third as much as stepping them, the
 * trees being out of the cache by then. The verdict is as if every event had been checked first: {@link #checkRest}
 * checks those the loop did not reach, so bad input anywhere wins over a divergence or a failure to step.
 */
final class VocabularyCheckedEvents implements Iterator<TraceEvent> {
    private final Iterator<TraceEvent> events;
    private final ModuleSignature signature;
    private boolean failed;

    VocabularyCheckedEvents(List<TraceEvent> events, ModuleSignature signature) {
        this.events = events.iterator();
        this.signature = signature;
    }

    @Override
    public boolean hasNext() {
        return events.hasNext();
    }

    @Override
    public TraceEvent next() {
        TraceEvent event = events.next();
        failed = true; // until the check returns: its bad input is the first in the trace, not to be replaced
        TraceVocabulary.check(event, signature);
        failed = false;
        return event;
    }

    /** Checks the events not taken yet, unless an event taken failed the check (that failure is the first). */
    void checkRest() {
        while (!failed && events.hasNext()) {
            next();
        }
    }
}
