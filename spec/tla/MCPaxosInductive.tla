--------------------------- MODULE MCPaxosInductive ---------------------------
(***************************************************************************)
(* Checks that Paxos's Inv is inductive: every [Next] step from a state    *)
(* satisfying Inv reaches a state satisfying Inv.  TLC starts from states  *)
(* satisfying Inv (InductiveInit) and checks Inv after one step (the       *)
(* manifest bounds the depth with the Depth1 constraint).                  *)
(*                                                                         *)
(* TLC cannot enumerate every message set (2^|Message| of them), so msgs   *)
(* ranges over random samples of Message, as in Lamport's "Using TLC to    *)
(* Check Inductive Invariance".  The other variables range over every      *)
(* value Inv allows for each sample; each acceptor's state is picked whole *)
(* from the triples that can satisfy AcceptorInv, so that TLC prunes early.*)
(***************************************************************************)
EXTENDS MCPaxos, Randomization

CONSTANTS InductiveSamples,  \* how many random message sets to try
          InductiveMsgs      \* their average size

AcceptorState == {s \in (Ballot \cup {-1}) \X (Ballot \cup {-1}) \X (Value \cup {None}) :
                     /\ s[2] <= s[1]
                     /\ (s[3] = None) <=> (s[2] = -1)}

InductiveInit ==
    /\ msgs \in RandomSetOfSubsets(InductiveSamples, InductiveMsgs, Message)
    /\ proposed \in SUBSET Value
    /\ \E acc \in [Acceptor -> AcceptorState] :
          /\ maxBal = [a \in Acceptor |-> acc[a][1]]
          /\ maxVBal = [a \in Acceptor |-> acc[a][2]]
          /\ maxVal = [a \in Acceptor |-> acc[a][3]]
    /\ AcceptorInv
    /\ pBal \in [Proposer -> Ballot \cup {-1}]
    /\ pPhase \in [Proposer -> {"idle", "p1", "p2"}]
    /\ ProposerInv
    /\ MsgInv
    /\ learned \in [Learner -> Value \cup {None}]
    /\ Inv

\* Only the first step matters: Inv is checked in the initial states and
\* in their successors.
Depth1 == TLCGet("level") < 2
=============================================================================
