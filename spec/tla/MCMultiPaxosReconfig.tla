------------------------- MODULE MCMultiPaxosReconfig -------------------------
(* Definitions that let TLC check MultiPaxosReconfig on finite models: the *)
(* fault budget (as in MCMultiPaxos), a symmetry that respects the         *)
(* configurations, the refinement properties, a witness and a mutant.     *)
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

\* The refinement properties.
RefinesReplicatedLog == RL!Spec
RefinesConsensus == /\ \A s \in Slot : CS(s)!Init
                    /\ [][\A s \in Slot : [CS(s)!Next]_(CS(s)!vars)]_vars

(* Witness, an invariant that must fail: a client command is chosen at a  *)
(* slot where a configuration other than InitConfig is in force, so the    *)
(* reconfiguration does take effect and the invariants are not vacuous.   *)
NoCommandUnderNewConfig ==
    \A s \in ChosenSlots : ChosenLog[s] \in Command => ConfigAt(ChosenLog, s) = InitConfig

-----------------------------------------------------------------------------
(* Mutant: a leader ignores the Alpha window.  It proposes at s without    *)
(* knowing the decisions up to s - Alpha, using the configuration that the *)
(* decisions it does know name (stale, after a crash: InitConfig).         *)
IgnoresWindow(K, s) == TRUE
=============================================================================
