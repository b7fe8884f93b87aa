----------------------------- MODULE NaivePaxos01 -----------------------------
(***************************************************************************)
(* Naive protocol 1: "accept only the first proposal you see".             *)
(*                                                                         *)
(* Each proposer proposes its own value; each acceptor accepts the first   *)
(* proposal it receives and never changes its mind; a value is chosen once *)
(* a majority has accepted it.  That is safe (an acceptor accepts once, so *)
(* two majorities cannot accept different values) but it can decide       *)
(* nothing: with three proposers racing, three acceptors may accept three  *)
(* different values, and then no value can ever reach a majority.  TLC     *)
(* shows that behaviour as a violation of EventuallyChosen, even though    *)
(* every enabled step is eventually taken.                                 *)
(*                                                                         *)
(* Paxos escapes this by letting an acceptor accept again in a higher      *)
(* ballot, and escapes NaivePaxos02's failure by phase 1.                  *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS Proposer,       \* each proposer proposes one value: its own id
          Acceptor,
          None            \* not a proposer

VARIABLES proposals,      \* the proposals sent so far
          accepted,       \* accepted[a]: the proposal a accepted, or None
          chosen          \* the values a majority has accepted

vars == <<proposals, accepted, chosen>>

Majority == {Q \in SUBSET Acceptor : 2 * Cardinality(Q) > Cardinality(Acceptor)}

TypeOK == /\ proposals \subseteq Proposer
          /\ accepted \in [Acceptor -> Proposer \cup {None}]
          /\ chosen \subseteq Proposer

Init == /\ proposals = {}
        /\ accepted = [a \in Acceptor |-> None]
        /\ chosen = {}

Propose(p) == /\ p \notin proposals
              /\ proposals' = proposals \cup {p}
              /\ UNCHANGED <<accepted, chosen>>

\* The naive rule: accept a proposal only if nothing was accepted before.
Accept(a, v) == /\ v \in proposals
                /\ accepted[a] = None
                /\ accepted' = [accepted EXCEPT ![a] = v]
                /\ UNCHANGED <<proposals, chosen>>

Choose(v) == /\ v \notin chosen
             /\ \E Q \in Majority : \A a \in Q : accepted[a] = v
             /\ chosen' = chosen \cup {v}
             /\ UNCHANGED <<proposals, accepted>>

Next == \/ \E p \in Proposer : Propose(p)
        \/ \E a \in Acceptor, v \in Proposer : Accept(a, v)
        \/ \E v \in Proposer : Choose(v)

\* Every process is reliable and every message arrives: the failure is the
\* protocol's own, not the environment's.
Spec == Init /\ [][Next]_vars /\ WF_vars(Next)

Agreement == Cardinality(chosen) <= 1
EventuallyChosen == <>(chosen # {})
=============================================================================
