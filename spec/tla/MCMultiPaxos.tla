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

\* Acceptors are interchangeable, and so are replicas and commands:
\* renaming them maps a behaviour to a behaviour and preserves every
\* invariant checked here.  (Proposers are not: each owns other ballots.)
Symmetry == Permutations(Acceptor) \cup Permutations(Replica) \cup Permutations(Command)

\* The refinement properties.
RefinesReplicatedLog == RL!Spec
\* For every slot s, CS(s)!Spec, written so that TLC can check it: the
\* initial predicates and one [][...]_vars over all slots.
RefinesConsensus == /\ \A s \in Slot : CS(s)!Init
                    /\ [][\A s \in Slot : [CS(s)!Next]_(CS(s)!vars)]_vars

\* Stability of the chosen log, checked as an action property.
ChosenStable == RL!Stability

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
VotedBallots == {t[2] : t \in UNION {votes[a] : a \in Acceptor}}
NoDuel == VotedBallots = Ballot => ChosenSlots # {}

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
