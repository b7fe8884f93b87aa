----------------------------- MODULE PaxosGeneral -----------------------------
(***************************************************************************)
(* Single-decree Paxos at the level of Lamport's paper: every freedom the  *)
(* protocol gives a proposer, and no more discipline than safety needs.    *)
(* It is the spec to check another implementation's traces against;       *)
(* Paxos.tla, this project's proposer discipline, refines it (MCPaxos's    *)
(* RefinesGeneral).                                                        *)
(*                                                                         *)
(* The model.                                                              *)
(*  - Proposers have no state here.  Any proposer may start any ballot at  *)
(*    any time (Phase1a), in any order: lower after higher, several at     *)
(*    once.  Who owns which ballot is the implementation's business; the   *)
(*    one rule is that ballot b gets at most one 2a message, ever          *)
(*    (Phase2a), so two proposers that share a ballot are caught when the  *)
(*    second one sends its 2a.                                             *)
(*  - A 2a for ballot b may be sent at any time after a quorum promised b, *)
(*    also after the proposer moved on to other ballots.  Its value must   *)
(*    be made safe by the 1b reports for b: the value of the highest-      *)
(*    ballot vote among the reports of a quorum and possibly more          *)
(*    acceptors (a proposer that waits for more than a quorum uses them    *)
(*    all), or, if that quorum reported no vote, a proposed value.         *)
(*  - Values enter through Propose(v), a client's request; a trace logs it *)
(*    before the 2a that picks v freshly.                                  *)
(*  - Acceptors, learners and the network are those of Paxos.tla: the set  *)
(*    `msgs' of every message ever sent (loss, duplication and reordering  *)
(*    are behaviours), acceptors that write before they reply, learners    *)
(*    that forget on crash.                                                *)
(* Following Lamport's Paxos module of the tlaplus Examples, with the      *)
(* proposed values and the learners of Paxos.tla.                          *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS Value,          \* the values clients may propose
          Acceptor,       \* the acceptors
          Quorum,         \* a set of sets of acceptors; every two intersect
          Learner,        \* the learners
          Ballot,         \* the ballots TLC explores, a finite set of naturals
          None            \* a value that is not in Value

VARIABLES proposed,       \* values clients asked for (history, for Validity)
          maxBal,         \* acceptor a promised never to vote below maxBal[a]
          maxVBal,        \* the highest ballot in which a voted, or -1
          maxVal,         \* the value a voted for in maxVBal[a], or None
          learned,        \* learner l's learned value, or None
          msgs            \* every message ever sent

acceptorVars == <<maxBal, maxVBal, maxVal>>
vars == <<proposed, acceptorVars, learned, msgs>>

Message ==
         [type : {"1a"}, bal : Ballot]
    \cup [type : {"1b"}, acc : Acceptor, bal : Ballot,
          mbal : Ballot \cup {-1}, mval : Value \cup {None}]
    \cup [type : {"2a"}, bal : Ballot, val : Value]
    \cup [type : {"2b"}, acc : Acceptor, bal : Ballot, val : Value]

TypeOK == /\ proposed \subseteq Value
          /\ maxBal \in [Acceptor -> Ballot \cup {-1}]
          /\ maxVBal \in [Acceptor -> Ballot \cup {-1}]
          /\ maxVal \in [Acceptor -> Value \cup {None}]
          /\ learned \in [Learner -> Value \cup {None}]
          /\ msgs \subseteq Message

Send(m) == msgs' = msgs \cup {m}

\* Every promise for ballot b.
Promises(b) == {m \in msgs : m.type = "1b" /\ m.bal = b}

\* Every acceptor in Q has promised ballot b.
PromisedBy(Q, b) == \A a \in Q : \E m \in Promises(b) : m.acc = a

\* v is safe to propose in ballot b by the promises of quorum Q and any
\* other promises for b: it is the value of a reported vote no lower than
\* every vote Q reports, or Q reports no vote and v was proposed.
SafeValue(Q, b, v) ==
    LET QP == {m \in Promises(b) : m.acc \in Q}
    IN  \/ /\ \A m \in QP : m.mbal = -1
           /\ v \in proposed
        \/ \E m \in Promises(b) : /\ m.mbal # -1
                                  /\ m.mval = v
                                  /\ \A m2 \in QP : m2.mbal <= m.mbal

\* A quorum of acceptors sent 2b for ballot b and value v.
VotedByQuorum(b, v) ==
    \E Q \in Quorum : \A a \in Q :
        [type |-> "2b", acc |-> a, bal |-> b, val |-> v] \in msgs

-----------------------------------------------------------------------------
Init == /\ proposed = {}
        /\ maxBal = [a \in Acceptor |-> -1]
        /\ maxVBal = [a \in Acceptor |-> -1]
        /\ maxVal = [a \in Acceptor |-> None]
        /\ learned = [l \in Learner |-> None]
        /\ msgs = {}

\* A client asks for v.
Propose(v) ==
    /\ proposed' = proposed \cup {v}
    /\ UNCHANGED <<acceptorVars, learned, msgs>>

\* Some proposer starts ballot b: any ballot, at any time.
Phase1a(b) ==
    /\ Send([type |-> "1a", bal |-> b])
    /\ UNCHANGED <<proposed, acceptorVars, learned>>

\* Acceptor a receives 1a for ballot b, promises it, and reports its vote.
Phase1b(a, b) ==
    /\ [type |-> "1a", bal |-> b] \in msgs
    /\ b > maxBal[a]
    /\ maxBal' = [maxBal EXCEPT ![a] = b]
    /\ Send([type |-> "1b", acc |-> a, bal |-> b,
             mbal |-> maxVBal[a], mval |-> maxVal[a]])
    /\ UNCHANGED <<proposed, maxVBal, maxVal, learned>>

\* The proposer of ballot b, promised by a quorum, asks for v, a value those
\* promises make safe; once per ballot.
Phase2a(b, v) ==
    /\ ~\E m \in msgs : m.type = "2a" /\ m.bal = b
    /\ \E Q \in Quorum : /\ PromisedBy(Q, b)
                         /\ SafeValue(Q, b, v)
    /\ Send([type |-> "2a", bal |-> b, val |-> v])
    /\ UNCHANGED <<proposed, acceptorVars, learned>>

\* Acceptor a receives 2a for ballot b and votes for v unless it promised
\* a higher ballot.
Phase2b(a, b, v) ==
    /\ [type |-> "2a", bal |-> b, val |-> v] \in msgs
    /\ b >= maxBal[a]
    /\ maxBal' = [maxBal EXCEPT ![a] = b]
    /\ maxVBal' = [maxVBal EXCEPT ![a] = b]
    /\ maxVal' = [maxVal EXCEPT ![a] = v]
    /\ Send([type |-> "2b", acc |-> a, bal |-> b, val |-> v])
    /\ UNCHANGED <<proposed, learned>>

\* Learner l has 2b messages for ballot b and value v from a quorum.
Learn(l, b, v) ==
    /\ VotedByQuorum(b, v)
    /\ learned' = [learned EXCEPT ![l] = v]
    /\ UNCHANGED <<proposed, acceptorVars, msgs>>

\* Learner l crashes and restarts, having forgotten what it learned.
LearnerCrash(l) ==
    /\ learned' = [learned EXCEPT ![l] = None]
    /\ UNCHANGED <<proposed, acceptorVars, msgs>>

Next ==
    \/ \E v \in Value : Propose(v)
    \/ \E b \in Ballot : \/ Phase1a(b)
                         \/ \E v \in Value : Phase2a(b, v)
    \/ \E a \in Acceptor, b \in Ballot : \/ Phase1b(a, b)
                                         \/ \E v \in Value : Phase2b(a, b, v)
    \/ \E l \in Learner : \/ \E b \in Ballot, v \in Value : Learn(l, b, v)
                          \/ LearnerCrash(l)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* PaxosGeneral implements Voting: an acceptor's votes are its 2b messages. *)
votes == [a \in Acceptor |->
            {<<m.bal, m.val>> : m \in {m2 \in msgs : m2.type = "2b" /\ m2.acc = a}}]

V == INSTANCE Voting

chosen == V!chosen

Agreement == /\ Cardinality(chosen) <= 1
             /\ \A l1, l2 \in Learner :
                   learned[l1] # None /\ learned[l2] # None => learned[l1] = learned[l2]
Validity == chosen \subseteq proposed
LearnedIsChosen == \A l \in Learner : learned[l] # None => learned[l] \in chosen
=============================================================================
