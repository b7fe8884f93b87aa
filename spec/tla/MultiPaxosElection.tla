-------------------------- MODULE MultiPaxosElection --------------------------
(***************************************************************************)
(* MultiPaxos with a Bully leader election in front of Phase 1.  Every     *)
(* MultiPaxos action keeps its meaning; the election adds:                 *)
(*  - up[p]: whether proposer (node) p runs.  Crash(p) stops it (its       *)
(*    volatile proposer state is lost, as in ProposerCrash) and Recover(p) *)
(*    restarts it from its durable pBal.  A down node takes no step: its   *)
(*    phase is "idle" and it knows no decision (pKnown), so every message  *)
(*    it could receive is a no-op that only consumes the message (the     *)
(*    network losing a message to a dead node), a catch-up request        *)
(*    included, and it can neither start a ballot nor Retransmit.          *)
(*  - heartbeats: Heartbeat(q) sends "q is alive" to every other node     *)
(*    (only the lower ids' views read it).  hb is the set of <<from, to>>  *)
(*    in flight (a heartbeat carries nothing but its sender, so copies are *)
(*    indistinguishable); LoseHeartbeat drops one.                         *)
(*  - suspects[p]: the higher ids p suspects of being down.  Suspect(p, q) *)
(*    is p's timer for q firing; the timer's length is abstracted, so it   *)
(*    may fire at any time, also for a q that is up (a false suspicion).   *)
(*    ReceiveHeartbeat(p, q) clears the suspicion.  A node boots and       *)
(*    recovers suspecting nobody; its timers start afresh.                 *)
(*  - p's leader view is the highest id it does not suspect (itself, if   *)
(*    it suspects every higher one); p leads when it is up and its view    *)
(*    is p.  LeaderPhase1a is MultiPaxos's Phase1a, enabled only for a     *)
(*    node that leads; every other MultiPaxos step is unchanged.  Two      *)
(*    nodes may both lead (a false suspicion, a recovery not yet heard):   *)
(*    safety never depends on the election, only liveness does.            *)
(*                                                                         *)
(* Liveness.  The claim is                                                 *)
(*     ElectionSpec /\ StablePeriod /\ ElectionFairness => ElectionLiveness *)
(* with ElectionLiveness == EventuallyOneLeader /\ EventuallyExecuted,     *)
(* where StablePeriod says that after some point there is no crash, no    *)
(* lost message (heartbeat or Paxos), no duplication and no false          *)
(* suspicion (Suspect(p, q) with q up): the timeouts have become longer    *)
(* than the message delays, as after partial synchrony's GST.  Recover    *)
(* is not a fault: a node may come back during the stable period.  A Paxos *)
(* message lost before then is recovered by MultiPaxos's retry timers      *)
(* (Retransmit, and RequestCatchUp answered by ReceiveCatchUp), which      *)
(* ElectionFairness makes fire; weak fairness suffices, since nothing is   *)
(* lost once the period has begun.  And                                    *)
(* ElectionFairness is weak fairness of, for every node p, q, acceptor a, *)
(* replica r and client c:                                                 *)
(*  - Heartbeat(q), ReceiveHeartbeat(p, q), and Suspect(p, q) while q is   *)
(*    down (a live node's timer for a dead one does fire);                 *)
(*  - p starting a ballot when it leads and is idle;                       *)
(*  - p's ReceivePromise, Propose, ReceiveAccepted, Preempted and          *)
(*    ReceiveCatchUp, and its Retransmit timer;                            *)
(*  - a's Phase1b, Reject1a, Phase2b and Reject2a;                         *)
(*  - r's ReceiveDecision, RequestCatchUp timer and Execute;               *)
(*  - c's Resubmit and ReceiveReply.                                       *)
(* (The timers as MultiPaxos's Next takes them: once no answer to the     *)
(* last copy is in flight, and a request only once a proposer can answer.) *)
(* (A down node's steps are no-ops, so fairness asks nothing of it.)       *)
(* EventuallyOneLeader: eventually, forever, exactly one node leads, the   *)
(* highest id that is up.  Without StablePeriod it fails: a node that     *)
(* falsely suspects the highest one over and over leads over and over,    *)
(* and two leaders duel (MCMultiPaxos's MultiPaxosDuel).                   *)
(***************************************************************************)
EXTENDS MultiPaxos

VARIABLES
    up,        \* node: up[p], whether p runs
    suspects,  \* node: suspects[p], the higher ids p suspects (volatile)
    hb         \* network: the heartbeats <<from, to>> in flight

electionVars == <<up, suspects, hb>>
allVars == <<vars, electionVars>>

Higher(p) == {q \in Proposer : q > p}

\* The highest id p does not suspect.
LeaderView(p) == Max({p} \cup (Higher(p) \ suspects[p]))

Leads(p) == up[p] /\ LeaderView(p) = p

ElectionInit == /\ Init
                /\ up = [p \in Proposer |-> TRUE]
                /\ suspects = [p \in Proposer |-> {}]
                /\ hb = {}

-----------------------------------------------------------------------------
(* Election actions.                                                        *)
\* q's heartbeat timer fires: it tells every other node that it is alive.
Heartbeat(q) ==
    /\ up[q]
    /\ hb' = hb \cup {<<q, p>> : p \in Proposer \ {q}}
    /\ UNCHANGED <<vars, up, suspects>>

\* p hears from q: it stops suspecting q (if q is higher; a lower id is
\* never suspected).
ReceiveHeartbeat(p, q) ==
    /\ <<q, p>> \in hb
    /\ up[p]
    /\ hb' = hb \ {<<q, p>>}
    /\ suspects' = [suspects EXCEPT ![p] = @ \ {q}]
    /\ UNCHANGED <<vars, up>>

\* p's timer for the higher id q fires: it suspects q.
Suspect(p, q) ==
    /\ up[p]
    /\ q \in Higher(p)
    /\ q \notin suspects[p]
    /\ suspects' = [suspects EXCEPT ![p] = @ \cup {q}]
    /\ UNCHANGED <<vars, up, hb>>

\* p leads in its view and starts ballot b: MultiPaxos's Phase1a.
LeaderPhase1a(p, b) ==
    /\ Leads(p)
    /\ Phase1a(p, b)
    /\ UNCHANGED electionVars

\* p stops; its volatile proposer state is lost (ProposerCrash).
Crash(p) ==
    /\ up[p]
    /\ up' = [up EXCEPT ![p] = FALSE]
    /\ ProposerCrash(p)
    /\ UNCHANGED <<suspects, hb>>

\* p restarts from its durable pBal and trusts every peer again.
Recover(p) ==
    /\ ~up[p]
    /\ up' = [up EXCEPT ![p] = TRUE]
    /\ suspects' = [suspects EXCEPT ![p] = {}]
    /\ UNCHANGED <<vars, hb>>

LoseHeartbeat(q, p) ==
    /\ <<q, p>> \in hb
    /\ hb' = hb \ {<<q, p>>}
    /\ UNCHANGED <<vars, up, suspects>>

-----------------------------------------------------------------------------
(* Every MultiPaxos step but Phase1a is a step here, the recovery actions   *)
(* (Retransmit, RequestCatchUp, ReceiveCatchUp) included: Phase1a is the    *)
(* only protocol action that changes pBal (b > pBal[p]), and it is replaced *)
(* by LeaderPhase1a.  ProposerCrash is replaced by Crash and Recover.       *)
PaxosNext == ProtocolNext /\ pBal' = pBal /\ UNCHANGED electionVars

ElectionNext ==
    \/ \E q \in Proposer : Heartbeat(q)
    \/ \E p \in Proposer, q \in Proposer :
          ReceiveHeartbeat(p, q) \/ Suspect(p, q)
    \/ \E p \in Proposer, b \in Ballot : LeaderPhase1a(p, b)

ElectionFaultNext ==
    \/ \E p \in Proposer : Crash(p) \/ Recover(p)
    \/ \E q \in Proposer, p \in Proposer : LoseHeartbeat(q, p)
    \/ /\ \/ \E a \in Acceptor : AcceptorCrash(a)
          \/ \E r \in Replica : ReplicaCrash(r)
          \/ \E m \in DOMAIN msgs : Lose(m) \/ Duplicate(m)
       /\ UNCHANGED electionVars

ElectionSpec == ElectionInit /\ [][PaxosNext \/ ElectionNext \/ ElectionFaultNext]_allVars

-----------------------------------------------------------------------------
ElectionTypeOK ==
    /\ up \in [Proposer -> BOOLEAN]
    /\ \A p \in Proposer : suspects[p] \subseteq Higher(p)
    /\ hb \subseteq {t \in Proposer \X Proposer : t[1] # t[2]}

\* What StablePeriod forbids (eventually): a step that is a fault.
FalseSuspicion == \E p, q \in Proposer : up[q] /\ Suspect(p, q)
FaultStep == \/ \E p \in Proposer : Crash(p)
             \/ \E q, p \in Proposer : LoseHeartbeat(q, p)
             \/ \E m \in DOMAIN msgs : Lose(m) \/ Duplicate(m)
             \/ FalseSuspicion

StablePeriod == <>[][~FaultStep]_allVars

ElectionFairness ==
    /\ \A p, q \in Proposer :
          /\ WF_allVars(Heartbeat(q))
          /\ WF_allVars(ReceiveHeartbeat(p, q))
          /\ WF_allVars(~up[q] /\ Suspect(p, q))
    /\ \A p \in Proposer :
          /\ WF_allVars(pPhase[p] = "idle" /\ \E b \in Ballot : LeaderPhase1a(p, b))
          /\ WF_vars(\E m \in DOMAIN msgs : m.type = "1b" /\ ReceivePromise(p, m))
          /\ WF_vars(LeaderReceivesRequest(p))
          /\ WF_vars(\E m \in DOMAIN msgs : m.type = "2b" /\
                        ReceiveAccepted(p, m.from, m.bal, m.slot, m.val, m.low))
          /\ WF_vars(\E m \in DOMAIN msgs : m.type = "preempted" /\
                        Preempted(p, m.bal, m.higher))
          /\ WF_vars(\E r \in Replica : LeaderReceivesCatchUp(p, r))
          /\ WF_vars(AnswersLanded(p) /\ Retransmit(p))
    /\ \A a \in Acceptor :
          WF_vars(\E m \in DOMAIN msgs :
                     \/ m.type = "1a" /\ m.to = a /\
                           (Phase1b(a, m.bal) \/ Reject1a(a, m.bal))
                     \/ m.type = "2a" /\ m.to = a /\
                           (Phase2b(a, m.bal, m.slot, m.val) \/
                            Reject2a(a, m.bal, m.slot, m.val)))
    /\ \A r \in Replica :
          /\ WF_vars(\E m \in DOMAIN msgs : m.type = "decision" /\
                        ReceiveDecision(r, m.slot, m.val))
          /\ WF_vars(/\ sm[r].idx + 1 \in Slot /\ DecisionLanded(r)
                     /\ CatchUpAnswerable(r) /\ RequestCatchUp(r))
          /\ WF_vars(Execute(r))
    /\ \A c \in Client :
          /\ WF_vars(Resubmit(c))
          /\ WF_vars(ClientReceivesReply(c))

\* Exactly one node leads: the highest id that is up (none if all are down).
OneLeader == {p \in Proposer : Leads(p)} =
                 IF \E p \in Proposer : up[p]
                 THEN {Max({p \in Proposer : up[p]})} ELSE {}

EventuallyOneLeader == <>[]OneLeader

\* What the election's liveness claim concludes (the header).
ElectionLiveness == EventuallyOneLeader /\ EventuallyExecuted
=============================================================================
