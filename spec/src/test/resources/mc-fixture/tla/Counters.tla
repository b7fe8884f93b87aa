---- MODULE Counters ----
\* A test fixture of the model runner, not a protocol: each process counts from 0 up to Max. Small enough to count
\* its states by hand (with Max = 2 and two processes: 3 * 3 = 9, or 6 up to swapping the processes).
EXTENDS Naturals, TLC
CONSTANTS Max, Proc
VARIABLE count

Init == count = [p \in Proc |-> 0]
Step(p) == /\ count[p] < Max
           /\ count' = [count EXCEPT ![p] = @ + 1]
Next == \E p \in Proc : Step(p)
Spec == Init /\ [][Next]_count

TypeOK == count \in [Proc -> 0..Max]
Two == 2
Symmetry == Permutations(Proc)

\* A mutant of Step that forgets the bound.
StepPastMax(p) == count' = [count EXCEPT ![p] = @ + 1]

\* Witnesses: every process at Max is reachable, a count above Max is not; a step from 1 to 2 happens.
AllAtMax == \A p \in Proc : count[p] = Max
AboveMax == \E p \in Proc : count[p] > Max
StepsFromOneToTwo == \E p \in Proc : count[p] = 1 /\ count'[p] = 2
====
