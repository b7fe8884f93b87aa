------------------------------- MODULE MCPaxos -------------------------------
(* Definitions that let TLC check Paxos on finite models.                  *)
EXTENDS Paxos, TLC

MajorityQuorums == {Q \in SUBSET Acceptor : 2 * Cardinality(Q) > Cardinality(Acceptor)}

\* Mutants that want non-intersecting quorums override this with TRUE.
QuorumAssumption == V!QuorumsIntersect
ASSUME QuorumAssumption

\* Acceptors are interchangeable, and so are values: renaming them maps a
\* behaviour to a behaviour and preserves every invariant checked here.
\* (Proposers are not: each owns different ballots.)
Symmetry == Permutations(Acceptor) \cup Permutations(Value)

\* A proposer in phase "p2" can do exactly what an idle one can: start a
\* higher ballot (Phase1a) or crash, with the same effect on every other
\* variable; and no invariant or property checked with this view tells them
\* apart.  So states that differ only there are merged.
PhaseView == <<proposed, maxBal, maxVBal, maxVal, pBal, learned, msgs,
               [p \in Proposer |-> IF pPhase[p] = "p2" THEN "idle" ELSE pPhase[p]]>>

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

\* Refinement, checked as temporal properties.
RefinesVoting == V!Spec
RefinesConsensus == V!C!Spec

\* This project's proposer discipline (a durable pBal, one phase at a time,
\* ballots it owns) is one way of following the general protocol: Paxos
\* implements PaxosGeneral with every shared variable mapped to itself
\* (ProposerCrash is a stutter there).
G == INSTANCE PaxosGeneral
RefinesGeneral == G!Spec

=============================================================================
