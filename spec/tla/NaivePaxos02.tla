----------------------------- MODULE NaivePaxos02 -----------------------------
(***************************************************************************)
(* Naive protocol 2: "accept any proposal".                                *)
(*                                                                         *)
(* Each acceptor accepts every proposal it receives, replacing what it     *)
(* accepted before; a learner learns a value once a majority has accepted  *)
(* it.  This always makes progress, but it is unsafe: after a majority has *)
(* accepted v1 and a learner has learned it, a later proposal v2 can win a *)
(* majority of its own and overwrite the decision.  TLC finds the          *)
(* Agreement violation in a few steps.                                     *)
(*                                                                         *)
(* Paxos's phase 1 prevents this: a proposer first learns what a majority  *)
(* may already have accepted and proposes that value instead of its own.  *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS Proposer,       \* each proposer proposes one value: its own id
          Acceptor,
          None            \* not a proposer

VARIABLES proposals,      \* the proposals sent so far
          accepted,       \* accepted[a]: the proposal a accepted last, or None
          learned         \* the values a learner has learned

vars == <<proposals, accepted, learned>>

Majority == {Q \in SUBSET Acceptor : 2 * Cardinality(Q) > Cardinality(Acceptor)}

TypeOK == /\ proposals \subseteq Proposer
          /\ accepted \in [Acceptor -> Proposer \cup {None}]
          /\ learned \subseteq Proposer

Init == /\ proposals = {}
        /\ accepted = [a \in Acceptor |-> None]
        /\ learned = {}

Propose(p) == /\ p \notin proposals
              /\ proposals' = proposals \cup {p}
              /\ UNCHANGED <<accepted, learned>>

\* The naive rule: accept whatever arrives.
Accept(a, v) == /\ v \in proposals
                /\ accepted[a] # v
                /\ accepted' = [accepted EXCEPT ![a] = v]
                /\ UNCHANGED <<proposals, learned>>

Learn(v) == /\ v \notin learned
            /\ \E Q \in Majority : \A a \in Q : accepted[a] = v
            /\ learned' = learned \cup {v}
            /\ UNCHANGED <<proposals, accepted>>

Next == \/ \E p \in Proposer : Propose(p)
        \/ \E a \in Acceptor, v \in Proposer : Accept(a, v)
        \/ \E v \in Proposer : Learn(v)

Spec == Init /\ [][Next]_vars /\ WF_vars(Next)

\* A learned value is a decision: there must never be two.
Agreement == Cardinality(learned) <= 1
EventuallyLearned == <>(learned # {})
=============================================================================
