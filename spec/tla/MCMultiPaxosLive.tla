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

\* The operations the clients issue (the constant Op): increments.
Increments == {<<"incr">>}

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
-----------------------------------------------------------------------------
(* Liveness over lossy links: any message may be lost, any number of      *)
(* times, and the retry timers recover (FairLoss).  The state space stays  *)
(* finite because Next re-sends only once the answers have landed, so no   *)
(* message ever has more than one copy in flight (duplication is still    *)
(* forbidden).  The companion models substitute                           *)
(* RequestCatchUp <- NoCatchUp: a decision lost under a leader that stays *)
(* in Phase 2 then keeps its replica waiting forever; and                  *)
(* Retransmit <- NoRetransmit: a lost 1a or 2a then stalls the ballot.     *)
LossSpec ==
    /\ Init
    /\ [][/\ Next
          /\ StableLeader(Owner(LeaderBallot), LeaderBallot, LeaderQuorum)
          /\ \A m \in DOMAIN msgs : ~Duplicate(m)]_vars
    /\ FairLoss(Owner(LeaderBallot), LeaderBallot, LeaderQuorum)

NoCatchUp(r) == FALSE
NoRetransmit(p) == FALSE
=============================================================================
