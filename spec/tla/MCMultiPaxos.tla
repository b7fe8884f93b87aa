----------------------------- MODULE MCMultiPaxos -----------------------------
(* Definitions that let TLC check MultiPaxos on finite models, and the      *)
(* mutants that the failing models substitute with `Op <- MutantOp'.       *)
EXTENDS MultiPaxos, TLC

MajorityQuorums == {Q \in SUBSET Acceptor : 2 * Cardinality(Q) > Cardinality(Acceptor)}

ASSUME /\ \A Q \in Quorum : Q \subseteq Acceptor
       /\ \A Q1, Q2 \in Quorum : Q1 \cap Q2 # {}
       /\ NoOp \notin Command

(* The fault budget: a model lets the environment crash a node, lose or   *)
(* duplicate a message at most MaxFaults times.                            *)
(* This bounds the model, not the spec; every fault is still possible at   *)
(* any point of a behaviour, only not unboundedly often.                   *)
CONSTANT MaxFaults
VARIABLE faults

MCInit == Init /\ faults = 0
MCNext == \/ ProtocolNext /\ UNCHANGED faults
          \/ faults < MaxFaults /\ FaultNext /\ faults' = faults + 1
MCSpec == MCInit /\ [][MCNext]_<<vars, faults>>

(* A VIEW that ignores dead messages.  A message is dead when receiving  *)
(* it can only ever be a no-op that consumes it, whatever happens later:  *)
(*  - a 1b unless its ballot is the owner's current one, still in Phase 1 *)
(*    (a proposer's ballot only grows, and it leaves Phase 1 of a ballot  *)
(*    for good);                                                          *)
(*  - a 2b unless the owner leads its ballot and still awaits that        *)
(*    proposal (a decided proposal never comes back in the same ballot:   *)
(*    pNext only grows within a ballot);                                  *)
(*  - a preemption of a ballot below the owner's current one;             *)
(*  - a reply the client has already received (acked only grows).         *)
(* Two states that differ only in dead messages have the same futures up  *)
(* to steps that touch those messages: receiving, losing or duplicating a *)
(* dead message changes nothing else but the fault count, and less fault  *)
(* budget only removes behaviours.  No invariant or mapped variable reads *)
(* a dead message differently from its absence (a dead reply is in        *)
(* acked already).  So checking one of such states is as good as both.    *)
DeadMessage(m) ==
    \/ m.type = "1b" /\ ~(m.bal = pBal[Owner(m.bal)] /\ pPhase[Owner(m.bal)] = "p1")
    \/ m.type = "2b" /\ ~(/\ pPhase[Owner(m.bal)] = "p2" /\ m.bal = pBal[Owner(m.bal)]
                         /\ <<m.slot, m.val>> \in pProposals[Owner(m.bal)])
    \/ m.type = "preempted" /\ m.bal < pBal[Owner(m.bal)]
    \/ m.type = "reply" /\ <<m.cmd, m.result>> \in acked

LiveView == <<clientVars, proposerVars, acceptorVars, replicaVars, votes, faults,
              [m \in {x \in DOMAIN msgs : ~DeadMessage(x)} |-> msgs[m]]>>

\* Acceptors are interchangeable, and so are replicas and commands:
\* renaming them maps a behaviour to a behaviour and preserves every
\* invariant checked here.  (Proposers are not: each owns other ballots.)
Symmetry == Permutations(Acceptor) \cup Permutations(Replica) \cup Permutations(Command)

(* The refinement properties, RL!Spec and CS(s)!Spec for every slot s,    *)
(* written as TLC checks them fastest.  [A]_v is A \/ UNCHANGED v, and TLC *)
(* evaluates disjuncts in order; most MultiPaxos steps change neither the  *)
(* votes nor what was submitted or executed, and such a step leaves every  *)
(* mapped variable unchanged, so that cheap test goes first.               *)
RefinesReplicatedLog == /\ RL!Init
                        /\ [][\/ UNCHANGED <<submitted, votes, sm>>
                              \/ [RL!Next]_(RL!vars)]_vars
RefinesConsensus == /\ \A s \in Slot : CS(s)!Init
                    /\ [][\/ UNCHANGED <<submitted, votes>>
                          \/ \A s \in Slot : [CS(s)!Next]_(CS(s)!vars)]_vars

-----------------------------------------------------------------------------
(* Liveness is checked in MCMultiPaxosLive, which has no fault budget.   *)

(* Duelling proposers.  Without a distinguished leader, two proposers can  *)
(* pre-empt each other forever: each starts a ballot above the other's     *)
(* after the other's Phase 2 began but before it completed.  With finitely *)
(* many ballots the duel must end, so the model states its signature as   *)
(* an invariant: Phase 2 began in every ballot (some acceptor voted in     *)
(* it) and yet nothing is chosen.  TLC refutes it with a trace in which    *)
(* each ballot pre-empts the one before; every step only compares ballots, *)
(* so the same pattern repeats with the next ballots forever.  Liveness    *)
(* holds only under LeaderFairness, which forbids exactly this.            *)
(* The model explores only states where nothing is chosen yet (the        *)
(* constraint NothingChosen): the duel lives there, and BFS then reaches   *)
(* its end without exploring every way to finish.                          *)
VotedBallots == {t[2] : t \in AllVotes}
NoDuel == VotedBallots = Ballot => ChosenSlots # {}
NothingChosen == ChosenSlots = {}

(* Witnesses: invariants that must fail, showing that the happy path is   *)
(* reachable (a client gets its reply; an acceptor forgets old slots), so  *)
(* the invariants above do not hold vacuously.                             *)
NoReplyYet == acked = {}
NoTruncationYet == \A a \in Acceptor : low[a] = 1

NoCrash(x) == FALSE
NoLoss(m) == FALSE

\* Models without compaction substitute Snapshot <- NoSnapshot.
NoSnapshot(r) == FALSE

-----------------------------------------------------------------------------
(* Mutant (a): a new leader ignores the votes its promises report and      *)
(* starts at its first free slot, without re-proposing them.               *)
NoReproposals(S) == {}

(* Mutant (b): an acceptor answers before its write is durable; a crash   *)
(* right after the answer loses the write, so the state may stay as it was.*)
WritePromiseVolatile(a, b) ==
    \/ maxBal' = [maxBal EXCEPT ![a] = b]
    \/ UNCHANGED maxBal

WriteVoteVolatile(a, s, b, v) ==
    \/ /\ maxBal' = [maxBal EXCEPT ![a] = b]
       /\ accepted' = [accepted EXCEPT ![a] = {t \in @ : t[1] # s} \cup {<<s, b, v>>}]
    \/ UNCHANGED <<maxBal, accepted>>
=============================================================================
