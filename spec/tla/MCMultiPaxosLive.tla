--------------------------- MODULE MCMultiPaxosLive ---------------------------
(* Liveness of MultiPaxos on a finite model.  There is no fault budget     *)
(* here (a variable the fairness conditions do not mention would keep TLC  *)
(* from deciding which actions are enabled); instead the state space stays *)
(* finite because LeaderSteps forbids loss, and this model also forbids    *)
(* duplication.  The other proposer and the acceptor outside the leader's  *)
(* quorum may still crash, any number of times.                            *)
EXTENDS MultiPaxos, TLC

MajorityQuorums == {Q \in SUBSET Acceptor : 2 * Cardinality(Q) > Cardinality(Acceptor)}

ASSUME \A Q1, Q2 \in Quorum : Q1 \cap Q2 # {}

\* Models without compaction substitute Snapshot <- NoSnapshot.
NoSnapshot(r) == FALSE

\* The leader runs the highest ballot TLC explores, with any quorum.
LeaderBallot == Max(Ballot)
LeaderQuorum == CHOOSE Q \in Quorum : TRUE

LiveSpec ==
    /\ Init
    /\ [][/\ Next
          /\ LeaderSteps(Owner(LeaderBallot), LeaderBallot, LeaderQuorum)
          /\ \A m \in DOMAIN msgs : ~Duplicate(m)]_vars
    /\ LeaderFairness(Owner(LeaderBallot), LeaderBallot, LeaderQuorum)
=============================================================================
