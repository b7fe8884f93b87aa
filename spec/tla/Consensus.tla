------------------------------ MODULE Consensus ------------------------------
(***************************************************************************)
(* What Paxos achieves, with no processes, messages or failures in sight.  *)
(* Clients propose values; at most one proposed value is chosen, and once  *)
(* chosen it stays chosen.  Voting refines this module and Paxos refines   *)
(* Voting, so everything proved here about `chosen' holds for them too.    *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANT Value            \* the values clients may propose

VARIABLES proposed,       \* the values proposed so far
          chosen          \* the values chosen so far: {} and then {v} forever

vars == <<proposed, chosen>>

TypeOK == /\ proposed \subseteq Value
          /\ chosen \subseteq Value

Init == /\ proposed = {}
        /\ chosen = {}

\* A client asks for v to be chosen.
Propose(v) == /\ proposed' = proposed \cup {v}
              /\ UNCHANGED chosen

\* The one and only decision.
Choose(v) == /\ chosen = {}
             /\ v \in proposed
             /\ chosen' = {v}
             /\ UNCHANGED proposed

Next == \E v \in Value : Propose(v) \/ Choose(v)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
Agreement == Cardinality(chosen) <= 1          \* never two values chosen
Validity  == chosen \subseteq proposed         \* only proposed values chosen
Inv == TypeOK /\ Agreement /\ Validity

\* Once a value is chosen it is chosen forever.
Stability == [][chosen # {} => chosen' = chosen]_vars

\* If some value is proposed, some value is eventually chosen.
LiveSpec == Spec /\ WF_vars(\E v \in Value : Choose(v))
Success  == (proposed # {}) ~> (chosen # {})
=============================================================================
