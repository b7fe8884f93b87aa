------------------------- MODULE MCMultiPaxosElection -------------------------
(* Finite models of MultiPaxosElection: safety under the election with a   *)
(* fault budget, and liveness with a stable period.                        *)
EXTENDS MultiPaxosElection, TLC

MajorityQuorums == {Q \in SUBSET Acceptor : 2 * Cardinality(Q) > Cardinality(Acceptor)}

ASSUME /\ \A Q1, Q2 \in Quorum : Q1 \cap Q2 # {}

\* The operations the clients issue (the constant Op): increments.
Increments == {<<"incr">>}

\* Models without compaction substitute Snapshot <- NoSnapshot.
NoSnapshot(r) == FALSE

(* The fault budget, as in MCMultiPaxos: at most MaxFaults fault steps.    *)
CONSTANT MaxFaults
VARIABLE faults

MCInit == ElectionInit /\ faults = 0

(* Safety: every election step is free (a false suspicion is only a timer  *)
(* firing early); crashes, losses and duplications are budgeted.  Recover  *)
(* is free: it only undoes a crash.                                        *)
MCNext == \/ (PaxosNext \/ ElectionNext \/ \E p \in Proposer : Recover(p))
             /\ UNCHANGED faults
          \/ faults < MaxFaults /\ ElectionFaultNext /\ faults' = faults + 1
MCSpec == MCInit /\ [][MCNext]_<<allVars, faults>>

\* The ci model budgets only node crashes (ElectionFaultNext <- NodeCrashes):
\* lost and duplicated Paxos messages and acceptor and replica crashes
\* do not touch the election and are checked by MCMultiPaxos's models.
NodeCrashes == \E p \in Proposer : Crash(p)

\* Acceptors, replicas and commands are interchangeable, as in MCMultiPaxos;
\* the election reads only proposers, which are not permuted.
Symmetry == Permutations(Acceptor) \cup Permutations(Replica) \cup Permutations(Client)

\* Witness: ballots of two different nodes reached Phase 2, so leadership
\* changed hands (by a crash or a suspicion) and the invariants were
\* checked across the change.
LeaderChange == Cardinality({Owner(t[2]) : t \in AllVotes}) > 1

-----------------------------------------------------------------------------
(* Liveness.  The stable period is the fault budget: at most MaxFaults      *)
(* fault steps (FaultStep: a crash, a lost heartbeat or Paxos message, a   *)
(* false suspicion), so after the last one none happens.  A lost Paxos     *)
(* message is recovered by MultiPaxos's Retransmit and catch-up requests,  *)
(* which ElectionFairness makes fire.  Duplication is left out: it would   *)
(* make the bag grow; acceptor and replica crashes are left to the safety  *)
(* models.                                                                 *)
(* Two restrictions keep the finite ballot set from running out, which     *)
(* would stall the model but not the protocol, whose ballots are           *)
(* unbounded: a node starts a ballot only when idle (a lost 1a or 1b is    *)
(* re-sent by Retransmit, so a timeout in Phase 1 could only burn          *)
(* ballots), and it starts the next ballot it owns.  With MaxFaults = 1    *)
(* and two ballots per node the highest node never needs more than two and *)
(* a lower node is never stuck below a ballot of a node that is gone.      *)
NextBallot(p) == Min({b \in Ballot : Owner(b) = p /\ b > pBal[p]} \cup {Max(Ballot) + 1})

LivePhase1a(p) == /\ pPhase[p] = "idle"
                  /\ NextBallot(p) \in Ballot
                  /\ LeaderPhase1a(p, NextBallot(p))

LiveStep == \/ PaxosNext
            \/ \E q \in Proposer : Heartbeat(q)
            \/ \E p, q \in Proposer : ReceiveHeartbeat(p, q)
            \/ \E p, q \in Proposer : ~up[q] /\ Suspect(p, q)
            \/ \E p \in Proposer : LivePhase1a(p) \/ Recover(p)

LiveFault == \/ \E p \in Proposer : Crash(p)
             \/ \E q, p \in Proposer : LoseHeartbeat(q, p)
             \/ \E m \in DOMAIN msgs : Lose(m) /\ UNCHANGED electionVars
             \/ FalseSuspicion

LiveNext == \/ LiveStep /\ UNCHANGED faults
            \/ faults < MaxFaults /\ LiveFault /\ faults' = faults + 1

LiveSpec == MCInit /\ [][LiveNext]_<<allVars, faults>> /\ ElectionFairness

(* Mutant: a heartbeat does not clear the suspicion.  A node that once     *)
(* suspected a live higher one leads beside it forever: the liveness model *)
(* must find that EventuallyOneLeader fails.                               *)
ReceiveHeartbeatKeepsSuspicion(p, q) ==
    /\ <<q, p>> \in hb
    /\ up[p]
    /\ hb' = hb \ {<<q, p>>}
    /\ UNCHANGED <<vars, up, suspects>>

(* Mutants of recovery: without catch-up requests (RequestCatchUp <-       *)
(* NoCatchUp) a decision lost under a leader that stays in Phase 2 keeps   *)
(* its replica waiting forever; without retransmission (Retransmit <-      *)
(* NoRetransmit) a lost 1a or 2a stalls the leader's ballot.  Either way   *)
(* the liveness model must find that EventuallyExecuted fails, which shows *)
(* that it loses Paxos messages and that recovery is what copes.           *)
NoCatchUp(r) == FALSE
NoRetransmit(p) == FALSE

(* Without the stable period: false suspicions are free, so they may never *)
(* stop.  EventuallyOneLeader must fail.                                    *)
UnstableNext == \/ LiveStep \/ FalseSuspicion

UnstableSpec == MCInit /\ [][UnstableNext /\ UNCHANGED faults]_<<allVars, faults>>
                /\ ElectionFairness
=============================================================================
