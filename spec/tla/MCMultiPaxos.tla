----------------------------- MODULE MCMultiPaxos -----------------------------
(* Definitions that let TLC check MultiPaxos on finite models, and the      *)
(* mutants that the failing models substitute with `Op <- MutantOp'.       *)
EXTENDS MultiPaxos, TLC

MajorityQuorums == {Q \in SUBSET Acceptor : 2 * Cardinality(Q) > Cardinality(Acceptor)}

ASSUME /\ \A Q \in Quorum : Q \subseteq Acceptor
       /\ \A Q1, Q2 \in Quorum : Q1 \cap Q2 # {}

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
(*  - a reply to a command other than its client's current request, or    *)
(*    one the client has answered already (a client's requests only move   *)
(*    on, and it keeps the reply until it submits the next).              *)
(* Two states that differ only in dead messages have the same futures up  *)
(* to steps that touch those messages: receiving, losing or duplicating a *)
(* dead message changes nothing else but the fault count, and less fault  *)
(* budget only removes behaviours.  No invariant or mapped variable reads *)
(* a dead message differently from its absence but NoAckLost, and a dead  *)
(* reply adds nothing to it: its result is the one its replica's session  *)
(* recorded (Replies), which ExecutedIsChosen checks against the chosen    *)
(* log.  So checking one of such states is as good as both.                *)
DeadMessage(m) ==
    \/ m.type = "1b" /\ ~(m.bal = pBal[Owner(m.bal)] /\ pPhase[Owner(m.bal)] = "p1")
    \/ m.type = "2b" /\ ~(/\ pPhase[Owner(m.bal)] = "p2" /\ m.bal = pBal[Owner(m.bal)]
                         /\ <<m.slot, m.val>> \in pProposals[Owner(m.bal)])
    \/ m.type = "preempted" /\ m.bal < pBal[Owner(m.bal)]
    \/ m.type = "reply" /\ (m.cmd # cReq[m.cmd.client] \/ cReply[m.cmd.client] # None)

LiveView == <<clientVars, proposerVars, acceptorVars, replicaVars, votes, faults,
              [m \in {x \in DOMAIN msgs : ~DeadMessage(x)} |-> msgs[m]]>>

(* A bound on the model, for models with two proposers or two replicas:   *)
(* at most five live messages in flight.  A state beyond it is still      *)
(* checked, only not explored further; each model lists the witnesses it  *)
(* reaches within the bound.                                              *)
AtMostFiveInFlight == Cardinality({x \in DOMAIN msgs : ~DeadMessage(x)}) <= 5

\* Acceptors are interchangeable, and so are replicas and clients (every
\* client may issue every operation): renaming them maps a behaviour to a
\* behaviour and preserves every invariant checked here.  (Proposers are
\* not: each owns other ballots.)
Symmetry == Permutations(Acceptor) \cup Permutations(Replica) \cup Permutations(Client)

(* The operations a model's clients issue (the constant Op): increments    *)
(* only, or a compare-and-set whose first execution succeeds and whose     *)
(* second fails, so that the order of two clients' commands shows in their *)
(* replies.                                                               *)
Increments == {<<"incr">>}
CasOnce == {<<"cas", "k", "nil", "v">>}

(* The refinement properties, RL!Spec and CS(s)!Spec for every slot s,    *)
(* written as TLC checks them fastest.  [A]_v is A \/ UNCHANGED v, and TLC *)
(* evaluates disjuncts in order; most MultiPaxos steps change neither the  *)
(* votes nor what was submitted or executed, and such a step leaves every  *)
(* mapped variable unchanged, so that cheap test goes first.               *)
RefinesReplicatedLog == /\ RL!Init
                        /\ [][\/ UNCHANGED <<cReq, votes, sm>>
                              \/ [RL!Next]_(RL!vars)]_vars
RefinesConsensus == /\ \A s \in Slot : CS(s)!Init
                    /\ [][\/ UNCHANGED <<cReq, votes>>
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

(* Coverage witnesses.  A passing model lists under `witnesses' the paths *)
(* it must reach, each a predicate true in some reachable state (or, under *)
(* `actionWitnesses', on some step), so that its invariants are checked   *)
(* where Paxos is subtle and not only on the easy paths.                   *)

\* The promise sets with which proposer p, in Phase 1, enters Phase 2 on
\* receiving one 1b now in flight: the promises a Phase 2a is built from.
QuorumPromises(p) ==
    IF pPhase[p] # "p1" THEN {}
    ELSE {S \in {pPromises[p] \cup {m} :
                    m \in {x \in DOMAIN msgs : x.type = "1b" /\ x.bal = pBal[p]
                                              /\ Owner(x.bal) = p}} :
             \E Q \in Quorum : Q \subseteq Senders(S)}

\* A Phase 2a whose quorum reports votes for one slot in two ballots with
\* different values: only the highest-ballot one may be re-proposed.
TwoBallotVotesReported ==
    \E p \in Proposer : \E S \in QuorumPromises(p) :
        \E t, u \in UNION {m.votes : m \in S} :
            /\ t[1] = u[1] /\ t[1] >= StartSlot(S)
            /\ t[2] # u[2] /\ t[3] # u[3]

\* A new leader is about to re-propose a reported command while a request
\* for another command waits: a leader that ignored the report would put
\* that other command into the slot.
ReproposesOverOtherRequest ==
    \E p \in Proposer : \E S \in QuorumPromises(p) :
        \E pr \in Reproposals(S) :
            /\ pr[2] # NoOp
            /\ \E m \in DOMAIN msgs : m.type = "request" /\ m.cmd # pr[2]

\* A new leader proposes NoOp for a gap below a reported slot.
NoOpFillsGap == \E m \in DOMAIN msgs : m.type = "2a" /\ m.val = NoOp

\* A client received the result of a command chosen in a ballot above one
\* in which some acceptor had already voted: a reply after a leader change.
ReplyAfterLeaderChange ==
    \E c \in Client, t \in QuorumVotes :
        cReply[c] # None /\ t[3] = cReq[c] /\ \E u \in AllVotes : u[2] < t[2]

\* A client received a reply; an acceptor forgot slots below a snapshot.
Replied == \E c \in Client : cReply[c] # None

\* A compare-and-set failed: another client's command ran before it.
CasRefused == \E c \in Client : cReply[c] = "false"

\* A client's second request was answered: its session moved on.
SecondReplied == \E c \in Client : cReply[c] # None /\ cReq[c].seq = 2
Truncated == \E a \in Acceptor : low[a] > 1

\* An acceptor truncated up to one replica's snapshot while it has heard
\* of a newer snapshot of another replica: the minimum over replicas held
\* it back.
TruncatesBehindOtherReplica ==
    \E a \in Acceptor, r1, r2 \in Replica :
        /\ low[a] > 1
        /\ heard[a][r2] = low[a] - 1
        /\ heard[a][r1] >= low[a]

\* A proposer forgets a decision below the `low' a 2b carried, not by
\* crashing (it still knows a decision after the step): the catch-up
\* argument of MultiPaxos's header is checked where it matters.
DecisionForgotten ==
    \E p \in Proposer : /\ DOMAIN pKnown'[p] # {}
                        /\ ~(DOMAIN pKnown[p] \subseteq DOMAIN pKnown'[p])

\* An acceptor crashes while its answer for its current promise (a 1b or a
\* 2b) is in flight: the step where a write not yet on disk would be lost.
AcceptorCrashAfterAnswer ==
    \E a \in Acceptor :
        /\ AcceptorCrash(a)
        /\ \E m \in DOMAIN msgs : m.type \in {"1b", "2b"} /\ m.from = a
                                /\ m.bal = maxBal[a]

NoCrash(x) == FALSE
NoLoss(m) == FALSE

\* Models without compaction substitute Snapshot <- NoSnapshot; models
\* without client retries, Resubmit <- NoResubmit.
NoSnapshot(r) == FALSE
NoResubmit(c) == FALSE

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
