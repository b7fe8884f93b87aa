------------------------- MODULE MCMultiPaxosReconfig -------------------------
(* Definitions that let TLC check MultiPaxosReconfig on finite models: the *)
(* fault budget (as in MCMultiPaxos), a symmetry that respects the         *)
(* configurations, a VIEW without dead messages, state constraints, the    *)
(* refinement properties, coverage witnesses, the crafted start state      *)
(* AfterMoveInit, and the window mutants.                                  *)
EXTENDS MultiPaxosReconfig, TLC

ASSUME Admin \notin Client

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
\* every invariant.  Replicas and the clients other than Admin are
\* interchangeable (each may issue every operation of Op).
Twins(a) == {x \in Acceptor : /\ (x \in InitConfig <=> a \in InitConfig)
                              /\ \A C \in NewConfigs : x \in C <=> a \in C}
Symmetry == UNION {Permutations(Twins(a)) : a \in Acceptor}
                \cup Permutations(Replica) \cup Permutations(Client)

\* The operations the clients other than Admin issue (the constant Op).
Increments == {<<"incr">>}

\* Fault selection, for models that bound only some faults.  Without
\* snapshots an acceptor's crash changes nothing (`heard' stays empty and
\* everything else is durable), so models may leave it out.
NoCrash(x) == FALSE
NoLoss(m) == FALSE
NoDuplicate(m) == FALSE

\* Models that leave the recovery from loss out (their loss budget is one
\* message; MultiPaxosReconfigRecovery checks it) substitute
\* Retransmit <- NoRetransmit and RequestCatchUp <- NoRequestCatchUp.
NoRetransmit(p) == FALSE
NoRequestCatchUp(r) == FALSE

\* Models that leave client retries out substitute Resubmit <- NoResubmit;
\* those that retry only counter commands, Resubmit <- ResubmitCounter.
NoResubmit(c) == FALSE
ResubmitCounter(c) == c \in Client /\ MP!Resubmit(c) /\ UNCHANGED pKnown

\* A state constraint for witnesses: at most MaxInFlight distinct messages
\* in flight.  It only prunes, so a state found under it is reachable.
MaxInFlight == 4
FewMessages == Cardinality(DOMAIN msgs) <= MaxInFlight

(* A VIEW that ignores dead messages, as MCMultiPaxos's LiveView does, with *)
(* the rules of this spec.  A message is dead when receiving it can only   *)
(* ever consume it, whatever happens later:                                *)
(*  - a 1b unless its ballot is the owner's current one and the owner is   *)
(*    not idle (promises are kept while leading; a proposer never returns *)
(*    to a ballot it left: Phase1a needs a higher one);                    *)
(*  - a 2b unless the owner leads its ballot and still awaits that         *)
(*    proposal (pNext only grows within a ballot, so a decided proposal    *)
(*    never comes back);                                                   *)
(*  - a preemption of a ballot below the owner's current one;              *)
(*  - a 1a or 2a below both its acceptor's promise and its owner's ballot  *)
(*    (the acceptor can only reject it, with a dead preemption);           *)
(*  - a decision a replica already holds (rLog only grows here, and no     *)
(*    slot changes value while LearnedIsChosen and Agreement hold);        *)
(*  - a reply to a command other than its client's current request, or    *)
(*    one the client has already received.                                 *)
(* Receiving, losing or duplicating a dead message changes nothing but the *)
(* bag and the fault count, and less fault budget only removes behaviours; *)
(* no invariant reads a dead message differently from its absence (a dead *)
(* decision is in rLog; a dead reply's result is its replica's session's, *)
(* which ExecutedIsChosen checks, as MCMultiPaxos argues).                 *)
DeadMessage(m) ==
    LET p == Owner(m.bal)
    IN  \/ m.type = "1b" /\ ~(m.bal = pBal[p] /\ pPhase[p] # "idle")
        \/ m.type = "2b" /\ ~(/\ pPhase[p] = "p2" /\ m.bal = pBal[p]
                             /\ <<m.slot, m.val>> \in pProposals[p])
        \/ m.type = "preempted" /\ m.bal < pBal[p]
        \/ m.type \in {"1a", "2a"} /\ m.bal < maxBal[m.to] /\ m.bal < pBal[p]
        \/ m.type = "decision" /\ m.slot \in DOMAIN rLog[m.to]
                               /\ rLog[m.to][m.slot] = m.val
        \/ m.type = "reply" /\ (m.cmd # cReq[m.cmd.client] \/ cReply[m.cmd.client] # None)

LiveMessages == {m \in DOMAIN msgs : ~DeadMessage(m)}

LiveView == <<clientVars, proposerVars, acceptorVars, replicaVars, votes, faults,
              [m \in LiveMessages |-> msgs[m]]>>

\* The bounds of the Alpha = 2 models, state constraints.  WindowBounds: at
\* most MaxInFlight + 1 live messages, which lets two slots be in flight
\* at once.  LeaderChangeBounds: at most MaxInFlight live messages; the
\* proposer moves past ballot 0 only after a crash (not on a Phase 1
\* timeout); and the one crash comes only once the move is chosen (before,
\* it is a leader change of plain MultiPaxos).
WindowBounds == Cardinality(LiveMessages) <= MaxInFlight + 1

MoveChosen == \E s \in ChosenSlots : IsReconfig(ChosenLog[s])
LeaderChangeBounds ==
    /\ Cardinality(LiveMessages) <= MaxInFlight
    /\ \A p \in Proposer : pBal[p] > 0 => faults > 0
    /\ faults > 0 => MoveChosen

(* The refinement properties, RL!Spec and CS(s)!Spec for every slot s,    *)
(* written as TLC checks them fastest (as in MCMultiPaxos): most steps     *)
(* change neither the votes nor what was submitted or executed, so they    *)
(* leave every mapped variable unchanged, and that cheap test goes first.  *)
RefinesReplicatedLog == /\ RL!Init
                        /\ [][\/ UNCHANGED <<cReq, votes, sm>>
                              \/ [RL!Next]_(RL!vars)]_vars
RefinesConsensus == /\ \A s \in Slot : CS(s)!Init
                    /\ [][\/ UNCHANGED <<cReq, votes>>
                          \/ \A s \in Slot : [CS(s)!Next]_(CS(s)!vars)]_vars

(* Coverage witnesses: state predicates each passing model must reach     *)
(* (spec/models.json lists them under "witnesses").  They read the chosen  *)
(* log L, so "the configuration of s" is the one every node agrees on.      *)

\* s is the first slot of a new configuration: a move was chosen at s - Alpha.
FirstSlotOfMove(L, s) == s - Alpha \in DOMAIN L /\ IsReconfig(L[s - Alpha])

\* A client command is chosen at the last slot of the old configuration.
CommandAtLastOldSlot ==
    LET L == ChosenLog
    IN  \E s \in DOMAIN L : L[s] # NoOp /\ ~IsReconfig(L[s]) /\ FirstSlotOfMove(L, s + 1)

\* A client command is chosen at the first slot of the new configuration.
CommandAtFirstNewSlot ==
    LET L == ChosenLog
    IN  \E s \in DOMAIN L : L[s] # NoOp /\ ~IsReconfig(L[s]) /\ FirstSlotOfMove(L, s)

\* The acceptors that voted for v at s in ballot b.
VotersAt(s, b, v) == {a \in Acceptor : VotedFor(a, s, b, v)}

\* The ballots in which some acceptor voted at s.
BallotsAt(s) == {t[2] : t \in UNION {{u \in votes[a] : u[1] = s} : a \in Acceptor}}

\* A slot of the old configuration and one of the new are chosen by two
\* majorities with no acceptor in common: the move to a non-overlapping
\* majority, which only the window keeps safe.
ChosenByDisjointMajorities ==
    LET L == ChosenLog
    IN  \E s1, s2 \in DOMAIN L :
           /\ ConfigAt(L, s1) = InitConfig /\ ConfigAt(L, s2) # InitConfig
           /\ \E b1 \in BallotsAt(s1), b2 \in BallotsAt(s2) :
                 LET Q1 == VotersAt(s1, b1, L[s1]) \cap ConfigAt(L, s1)
                     Q2 == VotersAt(s2, b2, L[s2]) \cap ConfigAt(L, s2)
                 IN  /\ IsQuorum(ConfigAt(L, s1), Q1)
                     /\ IsQuorum(ConfigAt(L, s2), Q2)
                     /\ Q1 \cap Q2 = {}

\* After the move was chosen in ballot b1, a leader of a later ballot
\* proposed under the new configuration, and an acceptor voted for it: the
\* new leader relearned the move before using it.
LeaderChangeAcrossMove ==
    LET L == ChosenLog
    IN  \E s \in DOMAIN L : \E a \in Acceptor : \E t \in votes[a] :
           /\ IsReconfig(L[s])
           /\ t[1] >= s + Alpha /\ ConfigAt(L, t[1]) = L[s].op[2]
           /\ \E b1 \in BallotsAt(s) :
                 b1 < t[2] /\ IsQuorum(ConfigAt(L, s), VotersAt(s, b1, L[s]))

\* An action witness: the network loses a message of the move (its 2a, 2b
\* or decision) or of a slot under the new configuration.
LossAcrossMove ==
    \E m \in DOMAIN msgs :
        /\ m.type \in {"2a", "2b", "decision"}
        /\ IsReconfig(m.val) \/ ConfigAt(ChosenLog, m.slot) # InitConfig
        /\ Lose(m)

\* The window is full: a leader has Alpha proposals in flight at once.
WindowFull == \E p \in Proposer : Cardinality(pProposals[p]) = Alpha

(* Until the runner checks witnesses, each is checked by hand as an        *)
(* invariant (or, for the action witness, a property) that must fail.      *)
NotCommandAtLastOldSlot == ~CommandAtLastOldSlot
NotCommandAtFirstNewSlot == ~CommandAtFirstNewSlot
NotChosenByDisjointMajorities == ~ChosenByDisjointMajorities
NotLeaderChangeAcrossMove == ~LeaderChangeAcrossMove
NotWindowFull == ~WindowFull
NeverLossAcrossMove == [][~LossAcrossMove]_<<vars, faults>>

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
MoveCommand == [client |-> Admin, seq |-> 1, op |-> <<"config", MovedTo>>]
Client1 == CHOOSE c \in Client : TRUE
C1 == [client |-> Client1, seq |-> 1, op |-> <<"incr">>]
C2 == [client |-> CHOOSE c \in Client \ {Client1} : TRUE, seq |-> 1, op |-> <<"incr">>]
VotesAfterMove == [a \in Acceptor |->
                     (IF a \in InitConfig THEN {<<1, 0, MoveCommand>>} ELSE {})
                     \cup (IF a \in MovedTo THEN {<<2, 0, C1>>} ELSE {})]

AfterMoveState ==
    /\ cReq = [c \in Client \cup {Admin} |->
                 IF c = Admin THEN MoveCommand ELSE IF c = Client1 THEN C1 ELSE C2]
    /\ cReply = [c \in Client \cup {Admin} |-> None]
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

(* Mutant: a leader re-sends as MultiPaxos's does, each undecided 2a to   *)
(* every acceptor whose 2b it lacks, members of the slot's configuration   *)
(* or not.                                                                 *)
RetransmitToUniverse(p) == MP!Retransmit(p)

(* Mutant, off by one: a reconfiguration takes effect one slot early, at   *)
(* i + Alpha - 1, while a leader still waits only for the decisions up to  *)
(* s - Alpha.  (It overrides ConfigAt, so the chosen log uses it too.)     *)
ConfigOneSlotEarly(K, s) == LastConfigUpTo(K, s - Alpha + 1)

(* Mutant: a leader counts promises from a majority of InitConfig, not of  *)
(* the configuration of the slot it proposes at.                           *)
PromisesFromInitConfig(S, K, s) ==
    KnowsConfigAt(K, s) /\ IsQuorum(InitConfig, MP!Senders(S))
=============================================================================
