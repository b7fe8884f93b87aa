package dev.paxosref.mc;

import java.util.List;
import java.util.Set;

/**
 * Which of a model's coverage witnesses one run reached.
 *
 * @param witnesses every witness the model lists, state witnesses first
 * @param reached   those TLC reported reaching
 */
public record Coverage(List<String> witnesses, Set<String> reached) {

    public Coverage {
        witnesses = List.copyOf(witnesses);
        reached = Set.copyOf(reached);
    }

    public List<String> unreached() {
        return witnesses.stream().filter(w -> !reached.contains(w)).toList();
    }

    public boolean complete() {
        return reached.containsAll(witnesses);
    }

    /** "3/4": witnesses reached over witnesses listed; "-" for a model that lists none. */
    @Override
    public String toString() {
        long reachedCount = witnesses.stream().filter(reached::contains).count();
        return witnesses.isEmpty() ? "-" : reachedCount + "/" + witnesses.size();
    }
}
