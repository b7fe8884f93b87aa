------------------------- MODULE MCMultiPaxosReconfig -------------------------
(* Definitions that let TLC check MultiPaxosReconfig on finite models: the *)
(* fault budget (as in MCMultiPaxos), a symmetry that respects the         *)
(* configurations, the refinement properties, witnesses, the crafted start *)
(* state AfterMoveInit, and the Alpha-window mutant.                       *)
EXTENDS MultiPaxosReconfig, TLC

ASSUME NoOp \notin ClientCommand

(* The fault budget: the environment may crash a node, lose or duplicate a *)
(* message at most MaxFaults times in a behaviour.                        *)
CONSTANT MaxFaults
VARIABLE faults

MCInit == Init /\ faults = 0
MCNext == \/ ProtocolNext /\ UNCHANGED faults
          \/ faults < MaxFaults /\ FaultNext /\ faults' = faults + 1
MCSpec == MCInit /\ [][MCNext]_<<vars, faults>>

\* Acceptors are interchangeable only with acceptors that belong to exactly
\* the same configurations: a permutation within such a class maps every
\* configuration (InitConfig, each of NewConfigs, hence every reconfiguration
\* command) to itself, so it maps behaviours to behaviours and preserves
\* every invariant.  Replicas and counter commands are interchangeable.
Twins(a) == {x \in Acceptor : /\ (x \in InitConfig <=> a \in InitConfig)
                              /\ \A C \in NewConfigs : x \in C <=> a \in C}
Symmetry == UNION {Permutations(Twins(a)) : a \in Acceptor}
                \cup Permutations(Replica) \cup Permutations(Command)

\* Fault selection, for models that bound only some faults.  Without
\* snapshots an acceptor's crash changes nothing (`heard' stays empty and
\* everything else is durable), so models may leave it out.
NoCrash(x) == FALSE
NoLoss(m) == FALSE
NoDuplicate(m) == FALSE

\* Models that leave client retries out substitute Resubmit <- NoResubmit.
NoResubmit(c) == FALSE

\* A state constraint for witnesses: at most MaxInFlight distinct messages
\* in flight.  It only prunes, so a state found under it is reachable.
MaxInFlight == 4
FewMessages == Cardinality(DOMAIN msgs) <= MaxInFlight

(* The refinement properties, RL!Spec and CS(s)!Spec for every slot s,    *)
(* written as TLC checks them fastest (as in MCMultiPaxos): most steps     *)
(* change neither the votes nor what was submitted or executed, so they    *)
(* leave every mapped variable unchanged, and that cheap test goes first.  *)
RefinesReplicatedLog == /\ RL!Init
                        /\ [][\/ UNCHANGED <<submitted, votes, sm>>
                              \/ [RL!Next]_(RL!vars)]_vars
RefinesConsensus == /\ \A s \in Slot : CS(s)!Init
                    /\ [][\/ UNCHANGED <<submitted, votes>>
                          \/ \A s \in Slot : [CS(s)!Next]_(CS(s)!vars)]_vars

(* Witness, an invariant that must fail: a client command is chosen at a  *)
(* slot where a configuration other than InitConfig is in force, so the    *)
(* reconfiguration does take effect and the invariants are not vacuous.   *)
NoCommandUnderNewConfig ==
    \A s \in ChosenSlots : ChosenLog[s] \in Command => ConfigAt(ChosenLog, s) = InitConfig

-----------------------------------------------------------------------------
(***************************************************************************)
(* AfterMove: a state from which the Alpha window decides the outcome,    *)
(* for models with InitConfig of three acceptors, one new configuration    *)
(* {n} inside it, and two counter commands.  It is reached from Init by:   *)
(* the leader (proposer 0) runs ballot 0 with promises from all three;     *)
(* the reconfiguration to {n} is chosen at slot 1 by the two others (o1,   *)
(* o2, a majority of InitConfig), n votes for it too; the leader, knowing  *)
(* slot 1, proposes c1 at slot 2 to {n} alone, which chooses it; the       *)
(* replica receives both decisions; the leader crashes (it keeps ballot 0  *)
(* and knows no decision); a client submits c2.  From here a new leader    *)
(* that takes c2 into slot 2 using InitConfig (a quorum {o1, o2} reports   *)
(* nothing at slot 2) gets n's vote for c2: a second value chosen at 2.    *)
(* Starting here, rather than at Init, keeps the search small; the model   *)
(* MultiPaxosReconfigReachesAfterMove shows that the state is reachable.   *)
(***************************************************************************)
MovedTo == CHOOSE C \in NewConfigs : TRUE
MoveCommand == [config |-> MovedTo]
C1 == CHOOSE c \in Command : TRUE
C2 == CHOOSE c \in Command \ {C1} : TRUE
VotesAfterMove == [a \in Acceptor |->
                     (IF a \in InitConfig THEN {<<1, 0, MoveCommand>>} ELSE {})
                     \cup (IF a \in MovedTo THEN {<<2, 0, C1>>} ELSE {})]

AfterMoveState ==
    /\ submitted = {MoveCommand, C1, C2}
    /\ acked = {}
    /\ pBal = [p \in Proposer |-> IF p = 0 THEN 0 ELSE -1]
    /\ pPhase = [p \in Proposer |-> "idle"]
    /\ pPromises = [p \in Proposer |-> {}]
    /\ pProposals = [p \in Proposer |-> {}]
    /\ pAccepts = [p \in Proposer |-> {}]
    /\ pNext = [p \in Proposer |-> 1]
    /\ pKnown = [p \in Proposer |-> EmptyLog]
    /\ maxBal = [a \in Acceptor |-> IF a \in InitConfig THEN 0 ELSE -1]
    /\ accepted = VotesAfterMove
    /\ low = [a \in Acceptor |-> 1]
    /\ heard = [a \in Acceptor |-> [r \in Replica |-> 0]]
    /\ rLog = [r \in Replica |-> (1 :> MoveCommand) @@ (2 :> C1)]
    /\ snap = [r \in Replica |-> MP!InitSM]
    /\ sm = [r \in Replica |-> MP!InitSM]
    /\ msgs = [m \in {[type |-> "request", cmd |-> C2]} |-> 1]
    /\ votes = VotesAfterMove

AfterMoveInit == AfterMoveState /\ faults = 0

\* Witness, an invariant that must fail: AfterMoveState is reachable from Init.
NotAfterMove == ~AfterMoveState

-----------------------------------------------------------------------------
(* Mutant: a leader ignores the Alpha window.  It proposes at s without    *)
(* knowing the decisions up to s - Alpha, using the configuration that the *)
(* decisions it does know name (stale, after a crash: InitConfig).         *)
IgnoresWindow(K, s) == TRUE
=============================================================================
