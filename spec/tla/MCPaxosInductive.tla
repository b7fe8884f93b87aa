--------------------------- MODULE MCPaxosInductive ---------------------------
(***************************************************************************)
(* Checks that Paxos's Inv is inductive: every [Next] step from a state    *)
(* satisfying Inv reaches a state satisfying Inv.  TLC starts from every   *)
(* state satisfying Inv (InductiveInit) and checks Inv after one step (the *)
(* manifest bounds the depth with the Depth1 constraint).                  *)
(*                                                                         *)
(* TLC cannot filter every message set (2^|Message| of them), so           *)
(* InductiveInit builds the states Inv allows instead of sampling them:    *)
(*  - each ballot has at most one 2a (Inv says so), its value `prop[b]';   *)
(*  - each acceptor has a promise maxBal and votes in some ballots up to   *)
(*    it that have a 2a; its 2b messages, maxVBal and maxVal follow;       *)
(*  - a proposer's 1a and 2a messages are of its own ballots up to pBal.   *)
(* Then Inv filters what is left (SafeAt of each 2a, the proposers'        *)
(* phases, learned, proposed).                                             *)
(*                                                                         *)
(* Two merges lose nothing.  Every state holds every 1a and 1b that Inv   *)
(* allows with the rest: a 1a of each ballot up to its owner's pBal, and a *)
(* 1b of each ballot up to its acceptor's maxBal, reporting the highest    *)
(* vote below it (the only report Inv allows).  Inv reads 1a and 1b        *)
(* messages only in conjuncts "every such message satisfies ...", so       *)
(* removing some keeps Inv; and every step from a state with fewer of them *)
(* is also a step from the state with all of them (Phase1b needs a 1a;     *)
(* Phase2a takes a quorum's promises, all there), reaching a state that    *)
(* differs only by having more 1a and 1b messages: if Inv holds after the  *)
(* step with all of them, it holds after the step with fewer.  And a       *)
(* proposer in phase "p2" is taken as "idle": both can only start a higher *)
(* ballot or crash, with the same effects, and Inv tells them apart only   *)
(* when pBal = -1, where only "idle" is allowed.                           *)
(***************************************************************************)
EXTENDS MCPaxos

\* The value of each ballot's 2a, or None.
Proposals == [Ballot -> Value \cup {None}]

MaxOf(S) == IF S = {} THEN -1 ELSE CHOOSE b \in S : \A c \in S : c <= b

\* An acceptor's promise and the ballots it voted in, given the proposals.
History(prop) == {h \in (Ballot \cup {-1}) \X SUBSET Ballot :
                     \A b \in h[2] : b <= h[1] /\ prop[b] # None}

\* The value of a's highest vote below b, given its history h.
VotesBelow(h, b) == {c \in h[2] : c < b}
ValueOf(prop, bals) == IF bals = {} THEN None ELSE prop[MaxOf(bals)]

\* The 1b and 2b messages an acceptor with history h has sent.
PromisesOf(a, h, prop) ==
    {[type |-> "1b", acc |-> a, bal |-> b, mbal |-> MaxOf(VotesBelow(h, b)),
      mval |-> ValueOf(prop, VotesBelow(h, b))] : b \in {c \in Ballot : c <= h[1]}}
VotesOf(a, h, prop) == {[type |-> "2b", acc |-> a, bal |-> b, val |-> prop[b]] : b \in h[2]}

\* TLC splits an initial predicate at every disjunction and yields a state
\* once per disjunct that holds; a filter compared with TRUE is evaluated
\* once, as a Boolean, so no state is generated twice.
Filter(P) == P = TRUE

InductiveInit ==
    /\ pBal \in [Proposer -> Ballot \cup {-1}]
    /\ Filter(\A p \in Proposer : pBal[p] = -1 \/ Owner(pBal[p]) = p)
    /\ \E prop \in Proposals :
       /\ Filter(\A b \in Ballot : prop[b] # None => b <= pBal[Owner(b)])
       /\ \E hist \in [Acceptor -> History(prop)] :
          /\ maxBal = [a \in Acceptor |-> hist[a][1]]
          /\ maxVBal = [a \in Acceptor |-> MaxOf(hist[a][2])]
          /\ maxVal = [a \in Acceptor |-> ValueOf(prop, hist[a][2])]
          /\ msgs = {[type |-> "1a", bal |-> b] : b \in {c \in Ballot : c <= pBal[Owner(c)]}}
                   \cup {[type |-> "2a", bal |-> b, val |-> prop[b]] : b \in {c \in Ballot : prop[c] # None}}
                   \cup UNION {PromisesOf(a, hist[a], prop) \cup VotesOf(a, hist[a], prop) : a \in Acceptor}
    /\ Filter(\A m \in msgs : m.type = "2a" => V!SafeAt(m.bal, m.val))
    /\ pPhase \in [Proposer -> {"idle", "p1"}]
    /\ Filter(\A p \in Proposer : pPhase[p] = "p1" =>
                 pBal[p] # -1 /\ ~\E m \in msgs : m.type = "2a" /\ m.bal = pBal[p])
    /\ proposed \in SUBSET Value
    /\ Filter(\A m \in msgs : m.type = "2a" => m.val \in proposed)
    /\ learned \in [Learner -> {None} \cup chosen]
    /\ Filter(Inv)

\* Only the first step matters: Inv is checked in the initial states and
\* in their successors.
Depth1 == TLCGet("level") < 2

\* Witnesses: the states Inv allows include 1b messages that report a vote,
\* and votes in two ballots.
OneBReportsVote == \E m \in msgs : m.type = "1b" /\ m.mbal # -1
VotesInTwoBallots == \E m1, m2 \in msgs : m1.type = "2b" /\ m2.type = "2b" /\ m1.bal # m2.bal
=============================================================================
