------------------------------- MODULE MCPaxos -------------------------------
(* Definitions that let TLC check Paxos on finite models: quorums,         *)
(* symmetry, views, the liveness specs, the refinement properties, design  *)
(* rules, coverage witnesses and the mutants the manifest swaps in.        *)
EXTENDS Paxos, TLC

MajorityQuorums == {Q \in SUBSET Acceptor : 2 * Cardinality(Q) > Cardinality(Acceptor)}

\* Mutants that want non-intersecting quorums override this with TRUE.
QuorumAssumption == V!QuorumsIntersect
ASSUME QuorumAssumption

\* Acceptors are interchangeable, and so are values: renaming them maps a
\* behaviour to a behaviour and preserves every invariant checked here.
\* (Proposers are not: each owns different ballots.)
Symmetry == Permutations(Acceptor) \cup Permutations(Value)

(* A VIEW that ignores dead messages.  A message is dead when no action   *)
(* can ever read it again to any effect:                                  *)
(*  - a 1a of ballot b once every acceptor has maxBal >= b: Phase1b(a, b) *)
(*    needs b > maxBal[a], and maxBal only grows;                         *)
(*  - a 1b of ballot b unless b's owner runs b and is still in Phase 1:   *)
(*    only Phase2a of the owner reads it, only while pBal = b and pPhase  *)
(*    = "p1"; pBal only grows and a proposer leaves Phase 1 of a ballot   *)
(*    for good;                                                           *)
(*  - a 2a of ballot b once every acceptor has promised above b or voted  *)
(*    in b: Phase2b(a, b, v) needs b >= maxBal[a], and an acceptor that   *)
(*    voted in b voted for b's only value, so a second Phase2b is a       *)
(*    stutter.                                                            *)
(* 2b messages are never dead: learners relearn from them after a crash,  *)
(* and votes and chosen are read from them.  Deadness is stable and reads *)
(* only variables the view keeps.  So two states with the same view have  *)
(* the same enabled actions with the same effects on the view, and so the *)
(* same futures up to their dead messages.  The refinement mapping        *)
(* (proposed, maxBal, votes), chosen and learned read no dead message.    *)
(* Inv reads dead messages, but only facts fixed when the message was     *)
(* sent and kept by every later step (maxBal, pBal, proposed and the      *)
(* votes only grow, no acceptor votes below maxBal, SafeAt stays true     *)
(* once true, and a ballot gets one 2a): whether a step keeps Inv for the *)
(* message it sends does not depend on the dead messages around it.  So   *)
(* checking one state of each view checks them all.                       *)
DeadMessage(m) ==
    \/ m.type = "1a" /\ \A a \in Acceptor : maxBal[a] >= m.bal
    \/ m.type = "1b" /\ ~(pBal[Owner(m.bal)] = m.bal /\ pPhase[Owner(m.bal)] = "p1")
    \/ m.type = "2a" /\ \A a \in Acceptor : maxBal[a] > m.bal \/ maxVBal[a] = m.bal

LiveMsgs == {m \in msgs : ~DeadMessage(m)}

LiveView == <<proposed, maxBal, maxVBal, maxVal, pBal, pPhase, learned, LiveMsgs>>

\* LiveView that also merges phase "p2" into "idle": a proposer in either
\* can only start a higher ballot (Phase1a) or crash to "idle", with the
\* same effect on every other variable, and DeadMessage reads only whether
\* a proposer is in "p1".  For models that check no formula reading pPhase
\* (ProposerInv, and so Inv, does) and need no witness that tells a
\* crashed proposer from one in Phase 2.
LivePhase1View == <<proposed, maxBal, maxVBal, maxVal, pBal, learned, LiveMsgs,
                    [p \in Proposer |-> pPhase[p] = "p1"]>>

\* The leader of the liveness models runs the highest ballot TLC explores.
LeaderBallot == CHOOSE b \in Ballot : \A c \in Ballot : c <= b
Leader == Owner(LeaderBallot)
LiveSpec == /\ Init
            /\ [][Next /\ Unpreempted(Leader, LeaderBallot)]_vars
            /\ \E Q \in Quorum : LeaderFairness(Leader, LeaderBallot, Q)

\* The same fairness without Unpreempted: the leader may crash while it
\* runs its ballot, or be pre-empted, and then nothing need ever be learned.
FairButPreemptibleSpec == Spec /\ \E Q \in Quorum : LeaderFairness(Leader, LeaderBallot, Q)

\* Paxos without crashes: the scope of the published Paxos spec this project
\* measures itself against, for a deep model of the same bounds.
NoCrashNext == /\ Next
               /\ ~\E p \in Proposer : ProposerCrash(p)
               /\ ~\E l \in Learner : LearnerCrash(l)
NoCrashSpec == Init /\ [][NoCrashNext]_vars

(* Refinement, checked as temporal properties: V!Spec and V!C!Spec,       *)
(* written as TLC checks them fastest.  [A]_v is A \/ UNCHANGED v and TLC *)
(* tries disjuncts in order; most Paxos steps send no 2b and change        *)
(* neither proposed nor maxBal, so they leave every mapped variable        *)
(* unchanged (msgs only grows, so votes change only by a new 2b), and that *)
(* cheap test goes first.                                                  *)
NoNewVote == \A m \in msgs' \ msgs : m.type # "2b"
RefinesVoting == /\ V!Init
                 /\ [][\/ UNCHANGED <<proposed, maxBal>> /\ NoNewVote
                       \/ [V!Next]_(V!vars)]_vars
RefinesConsensus == /\ V!C!Init
                    /\ [][\/ UNCHANGED proposed /\ NoNewVote
                          \/ [V!C!Next]_(V!C!vars)]_vars

-----------------------------------------------------------------------------
(* Design rules a reviewer looks for, beyond Inv (whose conjuncts already  *)
(* state that each 2a's value is safe at its ballot, maxVBal <= maxBal,    *)
(* and a 1b reports a vote its acceptor sent as a 2b):                     *)
(*  - VotingInv: Voting's inductive invariant holds of the mapped state    *)
(*    (every vote safe at its ballot, one value per ballot, no vote above  *)
(*    the acceptor's promise);                                            *)
(*  - PromisesKept: no acceptor votes in a ballot below one it promised:   *)
(*    a 1b of ballot c reports a vote at least as high as every vote its   *)
(*    acceptor cast below c, whenever it cast it.                         *)
VotingInv == V!Inv

PromisesKept ==
    \A m1, m2 \in msgs :
        m1.type = "1b" /\ m2.type = "2b" /\ m1.acc = m2.acc /\ m2.bal < m1.bal
            => m2.bal <= m1.mbal

-----------------------------------------------------------------------------
(* Witnesses: states the passing models must reach, so that their          *)
(* invariants do not hold only because the subtle paths are out of reach.  *)
(* Some read a 2a that may be dead: under LiveView such a witness can only *)
(* be missed (TLC keeps one state per view), never reached falsely.        *)

\* A 2a was sent for a ballot whose quorum of promises reports votes from
\* two different ballots for two different values: SafeValue had to pick
\* the highest-ballot vote.
TwoBallotVotesReported ==
    \E m \in msgs :
        /\ m.type = "2a"
        /\ \E Q \in Quorum :
              /\ PromisedBy(Q, m.bal)
              /\ \E r1, r2 \in PromisesFrom(Q, m.bal) :
                    /\ r1.mbal >= 0 /\ r2.mbal > r1.mbal
                    /\ r1.mval # r2.mval

\* A value is chosen in a ballot above 0 although another value got a vote
\* in ballot 0.
ChosenAfterOtherVote ==
    \E b \in Ballot \ {0}, v \in Value :
        /\ V!ChosenAt(b, v)
        /\ \E a \in Acceptor, w \in Value \ {v} : V!VotedFor(a, 0, w)

\* A value is chosen in two ballots: a later proposer found it and kept it.
ChosenInTwoBallots ==
    \E b1, b2 \in Ballot, v \in Value : b1 < b2 /\ V!ChosenAt(b1, v) /\ V!ChosenAt(b2, v)

\* An acceptor promised a higher ballot before it received a 2a, and so
\* never voted for it.
PromiseRefusesProposal ==
    \E m \in msgs, a \in Acceptor :
        /\ m.type = "2a"
        /\ maxBal[a] > m.bal
        /\ [type |-> "2b", acc |-> a, bal |-> m.bal, val |-> m.val] \notin msgs

ValueLearned == \E l \in Learner : learned[l] # None

\* A proposer crashed after sending its 2a, before starting a new ballot.
ProposerCrashedAfter2a ==
    \E p \in Proposer :
        /\ pPhase[p] = "idle"
        /\ \E m \in msgs : m.type = "2a" /\ m.bal = pBal[p]

\* An action witness: a learner that had learned crashes and forgets.
LearnerForgets == \E l \in Learner : learned[l] # None /\ learned'[l] = None


-----------------------------------------------------------------------------
(***************************************************************************)
(* Mutants: broken variants of Paxos, one operator each.  A model swaps    *)
(* one in for the real action with `Action <- Mutant' and expects TLC to   *)
(* find a violation of a named property.  Each drops one guard or rule     *)
(* that the safety argument needs.                                         *)
(***************************************************************************)

\* Phase1b without "b > maxBal[a]": an acceptor promises a lower ballot
\* again, forgetting the higher promise it gave.
Phase1bForgetsPromise(a, b) ==
    /\ [type |-> "1a", bal |-> b] \in msgs
    /\ maxBal' = [maxBal EXCEPT ![a] = b]
    /\ Send([type |-> "1b", acc |-> a, bal |-> b,
             mbal |-> maxVBal[a], mval |-> maxVal[a]])
    /\ UNCHANGED <<proposed, maxVBal, maxVal, proposerVars, learned>>

\* Phase2b without "b >= maxBal[a]": an acceptor votes in a ballot below one
\* it promised, which breaks the promise a later proposer relied on.
Phase2bIgnoresPromise(a, b, v) ==
    /\ [type |-> "2a", bal |-> b, val |-> v] \in msgs
    /\ maxVBal' = [maxVBal EXCEPT ![a] = b]
    /\ maxVal' = [maxVal EXCEPT ![a] = v]
    /\ Send([type |-> "2b", acc |-> a, bal |-> b, val |-> v])
    /\ UNCHANGED <<proposed, maxBal, proposerVars, learned>>

\* Phase2a that proposes any proposed value, ignoring the votes the
\* promises reported: NaivePaxos02's mistake inside Paxos.
Phase2aIgnoresVotes(p, v) ==
    /\ pPhase[p] = "p1"
    /\ \E Q \in Quorum : PromisedBy(Q, pBal[p])
    /\ v \in proposed
    /\ pPhase' = [pPhase EXCEPT ![p] = "p2"]
    /\ Send([type |-> "2a", bal |-> pBal[p], val |-> v])
    /\ UNCHANGED <<proposed, acceptorVars, pBal, learned>>

\* A learner that learns from a single 2b message instead of a quorum.
LearnFromOneVote(l, b, v) ==
    /\ \E a \in Acceptor : [type |-> "2b", acc |-> a, bal |-> b, val |-> v] \in msgs
    /\ learned' = [learned EXCEPT ![l] = v]
    /\ UNCHANGED <<proposed, acceptorVars, proposerVars, msgs>>

\* A proposer that keeps its ballot in memory only: after a crash it may
\* reuse a ballot and send a second, different 2a in it.
ProposerCrashForgetsBallot(p) ==
    /\ pPhase' = [pPhase EXCEPT ![p] = "idle"]
    /\ pBal' = [pBal EXCEPT ![p] = -1]
    /\ UNCHANGED <<proposed, acceptorVars, learned, msgs>>

\* Quorums that need not intersect: any single acceptor.
SingletonQuorums == {{a} : a \in Acceptor}
NoQuorumAssumption == TRUE

-----------------------------------------------------------------------------
\* This project's proposer discipline (a durable pBal, one phase at a time,
\* ballots it owns) is one way of following the general protocol: Paxos
\* implements PaxosGeneral with every shared variable mapped to itself
\* (ProposerCrash is a stutter there).
G == INSTANCE PaxosGeneral
RefinesGeneral == G!Spec

=============================================================================
