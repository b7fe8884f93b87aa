-------------------------------- MODULE Paxos --------------------------------
(***************************************************************************)
(* Single-decree Paxos with explicit proposers, acceptors and learners,    *)
(* exchanging messages.                                                    *)
(*                                                                         *)
(* The model.                                                              *)
(*  - Each action is one thing one process does atomically on one event:   *)
(*    a timeout (Phase1a), a message or a quorum of messages it has        *)
(*    received (Phase1b, Phase2a, Phase2b, Learn), a client request        *)
(*    (Propose), a crash (ProposerCrash, LearnerCrash).                    *)
(*  - The network is the set `msgs' of every message ever sent.  A receive *)
(*    does not remove a message, so messages may be delivered any number   *)
(*    of times (duplication), in any order (reordering), or never (loss).  *)
(*  - Acceptors keep maxBal, maxVBal and maxVal on disk and write them     *)
(*    before they reply (the action is atomic), so an acceptor crash and   *)
(*    restart loses nothing: it is a pause, which interleaving already     *)
(*    allows.  Answering before the write is durable is the bug that       *)
(*    MultiPaxos models with an explicit crash.                            *)
(*  - A proposer keeps only its current ballot pBal on disk.  It must:     *)
(*    a proposer that forgot which ballots it used could send two          *)
(*    different 2a messages in one ballot.  Its phase is volatile: after   *)
(*    ProposerCrash it must start a new, higher ballot.                    *)
(*  - A learner's knowledge is volatile: LearnerCrash forgets it, and it   *)
(*    learns again from the 2b messages.                                   *)
(*  - Ballot b belongs to proposer b % NumProposers, so no two proposers   *)
(*    ever share a ballot.  Actions take ballots as parameters and never   *)
(*    enumerate Ballot, which is bounded only in Next, for TLC.            *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS Value,          \* the values clients may propose
          Acceptor,       \* the acceptors
          Quorum,         \* a set of sets of acceptors; every two intersect
          NumProposers,   \* proposers are 0 .. NumProposers - 1
          Learner,        \* the learners
          Ballot,         \* the ballots TLC explores, a finite set of naturals
          None            \* a value that is not in Value

Proposer == 0 .. (NumProposers - 1)

Owner(b) == b % NumProposers

VARIABLES proposed,       \* values clients asked for (history, for Validity)
          maxBal,         \* acceptor a promised never to vote below maxBal[a]
          maxVBal,        \* the highest ballot in which a voted, or -1
          maxVal,         \* the value a voted for in maxVBal[a], or None
          pBal,           \* proposer p's current ballot, or -1: durable
          pPhase,         \* "idle", "p1" (awaiting promises), "p2" (sent 2a)
          learned,        \* learner l's learned value, or None
          msgs            \* every message ever sent

acceptorVars == <<maxBal, maxVBal, maxVal>>
proposerVars == <<pBal, pPhase>>
vars == <<proposed, acceptorVars, proposerVars, learned, msgs>>

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
          /\ pBal \in [Proposer -> Ballot \cup {-1}]
          /\ pPhase \in [Proposer -> {"idle", "p1", "p2"}]
          /\ learned \in [Learner -> Value \cup {None}]
          /\ msgs \subseteq Message

Send(m) == msgs' = msgs \cup {m}

\* The promises for ballot b from the acceptors in Q.
PromisesFrom(Q, b) == {m \in msgs : m.type = "1b" /\ m.bal = b /\ m.acc \in Q}

\* Every acceptor in Q has promised ballot b.
PromisedBy(Q, b) == \A a \in Q : \E m \in PromisesFrom(Q, b) : m.acc = a

\* v is the value the promises S force on the proposer: the value of the
\* highest-ballot vote they report, or any proposed value if none voted.
SafeValue(S, v) ==
    \/ /\ \A m \in S : m.mbal = -1
       /\ v \in proposed
    \/ \E m \in S : /\ m.mbal # -1
                    /\ m.mval = v
                    /\ \A m2 \in S : m2.mbal <= m.mbal

\* A quorum of acceptors sent 2b for ballot b and value v.
VotedByQuorum(b, v) ==
    \E Q \in Quorum : \A a \in Q :
        [type |-> "2b", acc |-> a, bal |-> b, val |-> v] \in msgs

-----------------------------------------------------------------------------
Init == /\ proposed = {}
        /\ maxBal = [a \in Acceptor |-> -1]
        /\ maxVBal = [a \in Acceptor |-> -1]
        /\ maxVal = [a \in Acceptor |-> None]
        /\ pBal = [p \in Proposer |-> -1]
        /\ pPhase = [p \in Proposer |-> "idle"]
        /\ learned = [l \in Learner |-> None]
        /\ msgs = {}

\* A client asks for v.
Propose(v) ==
    /\ proposed' = proposed \cup {v}
    /\ UNCHANGED <<acceptorVars, proposerVars, learned, msgs>>

\* Proposer p times out and starts ballot b, one of its own, above its last.
Phase1a(p, b) ==
    /\ Owner(b) = p
    /\ b > pBal[p]
    /\ pBal' = [pBal EXCEPT ![p] = b]
    /\ pPhase' = [pPhase EXCEPT ![p] = "p1"]
    /\ Send([type |-> "1a", bal |-> b])
    /\ UNCHANGED <<proposed, acceptorVars, learned>>

\* Acceptor a receives 1a for ballot b, promises it, and reports its vote.
Phase1b(a, b) ==
    /\ [type |-> "1a", bal |-> b] \in msgs
    /\ b > maxBal[a]
    /\ maxBal' = [maxBal EXCEPT ![a] = b]
    /\ Send([type |-> "1b", acc |-> a, bal |-> b,
             mbal |-> maxVBal[a], mval |-> maxVal[a]])
    /\ UNCHANGED <<proposed, maxVBal, maxVal, proposerVars, learned>>

\* Proposer p has promises for its ballot from a quorum and asks for v,
\* the value those promises make safe.
Phase2a(p, v) ==
    /\ pPhase[p] = "p1"
    /\ \E Q \in Quorum : /\ PromisedBy(Q, pBal[p])
                         /\ SafeValue(PromisesFrom(Q, pBal[p]), v)
    /\ pPhase' = [pPhase EXCEPT ![p] = "p2"]
    /\ Send([type |-> "2a", bal |-> pBal[p], val |-> v])
    /\ UNCHANGED <<proposed, acceptorVars, pBal, learned>>

\* Acceptor a receives 2a for ballot b and votes for v unless it promised
\* a higher ballot.
Phase2b(a, b, v) ==
    /\ [type |-> "2a", bal |-> b, val |-> v] \in msgs
    /\ b >= maxBal[a]
    /\ maxBal' = [maxBal EXCEPT ![a] = b]
    /\ maxVBal' = [maxVBal EXCEPT ![a] = b]
    /\ maxVal' = [maxVal EXCEPT ![a] = v]
    /\ Send([type |-> "2b", acc |-> a, bal |-> b, val |-> v])
    /\ UNCHANGED <<proposed, proposerVars, learned>>

\* Learner l has 2b messages for ballot b and value v from a quorum.
Learn(l, b, v) ==
    /\ VotedByQuorum(b, v)
    /\ learned' = [learned EXCEPT ![l] = v]
    /\ UNCHANGED <<proposed, acceptorVars, proposerVars, msgs>>

\* Proposer p crashes and restarts: it keeps pBal and forgets its phase.
ProposerCrash(p) ==
    /\ pPhase' = [pPhase EXCEPT ![p] = "idle"]
    /\ UNCHANGED <<proposed, acceptorVars, pBal, learned, msgs>>

\* Learner l crashes and restarts, having forgotten what it learned.
LearnerCrash(l) ==
    /\ learned' = [learned EXCEPT ![l] = None]
    /\ UNCHANGED <<proposed, acceptorVars, proposerVars, msgs>>

Next ==
    \/ \E v \in Value : Propose(v)
    \/ \E p \in Proposer : \/ \E b \in Ballot : Phase1a(p, b)
                           \/ \E v \in Value : Phase2a(p, v)
                           \/ ProposerCrash(p)
    \/ \E a \in Acceptor, b \in Ballot : \/ Phase1b(a, b)
                                         \/ \E v \in Value : Phase2b(a, b, v)
    \/ \E l \in Learner : \/ \E b \in Ballot, v \in Value : Learn(l, b, v)
                          \/ LearnerCrash(l)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Paxos implements Voting: an acceptor's votes are the 2b messages it sent. *)
votes == [a \in Acceptor |->
            {<<m.bal, m.val>> : m \in {m2 \in msgs : m2.type = "2b" /\ m2.acc = a}}]

V == INSTANCE Voting

chosen == V!chosen

Agreement == /\ Cardinality(chosen) <= 1
             /\ \A l1, l2 \in Learner :
                   learned[l1] # None /\ learned[l2] # None => learned[l1] = learned[l2]
Validity == chosen \subseteq proposed
LearnedIsChosen == \A l \in Learner : learned[l] # None => learned[l] \in chosen

-----------------------------------------------------------------------------
(* An inductive invariant: Inv /\ [Next]_vars => Inv'.                     *)

AcceptorInv == \A a \in Acceptor :
    /\ (maxVal[a] = None) <=> (maxVBal[a] = -1)
    /\ maxVBal[a] <= maxBal[a]
    /\ maxVBal[a] >= 0 => V!VotedFor(a, maxVBal[a], maxVal[a])
    /\ \A vote \in votes[a] : vote[1] <= maxVBal[a]

ProposerInv == \A p \in Proposer :
    /\ pBal[p] = -1 \/ Owner(pBal[p]) = p
    /\ pPhase[p] # "idle" => pBal[p] # -1
    /\ \A m \in msgs : m.type \in {"1a", "2a"} /\ Owner(m.bal) = p => m.bal <= pBal[p]
    /\ pPhase[p] = "p1" =>
          ~\E m \in msgs : m.type = "2a" /\ m.bal = pBal[p]

MsgInv == \A m \in msgs :
    /\ m.type = "1b" =>
          /\ m.bal <= maxBal[m.acc]
          /\ \/ m.mbal = -1 /\ m.mval = None
             \/ m.mbal >= 0 /\ V!VotedFor(m.acc, m.mbal, m.mval)
          /\ m.mbal < m.bal
          /\ \A c \in (m.mbal + 1) .. (m.bal - 1) : V!DidNotVoteAt(m.acc, c)
    /\ m.type = "2a" =>
          /\ V!SafeAt(m.bal, m.val)
          /\ m.val \in proposed
          /\ \A m2 \in msgs : m2.type = "2a" /\ m2.bal = m.bal => m2 = m
    /\ m.type = "2b" =>
          /\ [type |-> "2a", bal |-> m.bal, val |-> m.val] \in msgs
          /\ m.bal <= maxBal[m.acc]

Inv == TypeOK /\ AcceptorInv /\ ProposerInv /\ MsgInv /\ LearnedIsChosen

-----------------------------------------------------------------------------
(***************************************************************************)
(* Liveness.  Paxos guarantees progress only once one proposer, the        *)
(* distinguished leader, stops being pre-empted.  For the leader p, its    *)
(* ballot b and some quorum Q, the liveness spec adds exactly that:        *)
(*  - Unpreempted: no proposer ever starts a ballot above b, and p does    *)
(*    not crash while it runs b (a restriction of Next);                   *)
(*  - LeaderFairness: p eventually starts b and sends its 2a, the          *)
(*    acceptors of Q answer b's 1a and 2a, and every learner reads b's 2b  *)
(*    messages (weak fairness of each of those actions).                   *)
(* Nothing is assumed of the other proposers and acceptors: they may crash *)
(* or stay silent forever, and messages to and from them may be lost.      *)
(* MCPaxos's LiveSpec is Init /\ [][Next /\ Unpreempted(p, b)]_vars         *)
(* /\ \E Q \in Quorum : LeaderFairness(p, b, Q).                           *)
(***************************************************************************)
Unpreempted(p, b) ==
    /\ \A q \in Proposer, c \in Ballot : c > b => ~Phase1a(q, c)
    /\ pBal[p] = b => ~ProposerCrash(p)

LeaderFairness(p, b, Q) ==
    /\ WF_vars(Phase1a(p, b))
    /\ WF_vars(\E v \in Value : Phase2a(p, v))
    /\ \A a \in Q : /\ WF_vars(Phase1b(a, b))
                    /\ WF_vars(\E v \in Value : Phase2b(a, b, v))
    /\ \A l \in Learner : WF_vars(\E v \in Value : Learn(l, b, v))

\* Once a client proposes, every learner eventually learns.
EventuallyLearned == \A l \in Learner : (proposed # {}) ~> (learned[l] # None)
=============================================================================
