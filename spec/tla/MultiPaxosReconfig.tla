-------------------------- MODULE MultiPaxosReconfig --------------------------
(***************************************************************************)
(* Multi-Paxos with reconfiguration: the set of acceptors changes through *)
(* a command in the log, as in "Paxos Made Moderately Complex" (van        *)
(* Renesse, Altinbuken) and "Paxos Made Live" (Chandra, Griesemer,         *)
(* Redstone).  Everything else is MultiPaxos.tla, whose header describes   *)
(* the roles, messages, durability and faults; this module reuses its     *)
(* actions through an INSTANCE, under the same names and parameters, and  *)
(* replaces only those that depend on who the acceptors are.               *)
(*                                                                         *)
(* Configurations.                                                         *)
(*  - `Acceptor' is the universe of acceptors that may ever serve.  A      *)
(*    configuration is a set of acceptors; InitConfig is in force first.   *)
(*  - A reconfiguration is a command of the client Admin whose operation  *)
(*    <<"config", C>> names the new set C (one of NewConfigs).  It is      *)
(*    submitted, proposed, chosen and executed like any command.           *)
(*  - The configuration in force at slot s is the one named by the last   *)
(*    reconfiguration chosen at a slot <= s - Alpha, or InitConfig if      *)
(*    there is none: a reconfiguration chosen at slot i takes effect at    *)
(*    slot i + Alpha.  (ConfigAt(L, s) computes it from a log L.)          *)
(*  - Slot s is one Paxos instance whose acceptors are the configuration  *)
(*    in force at s, with majorities of it as quorums.  Ballots and       *)
(*    promises are shared by all slots, as in MultiPaxos: an acceptor's    *)
(*    promise of ballot b covers every slot, whatever its configuration.  *)
(*                                                                         *)
(* Leaders.                                                                *)
(*  - A leader must know the configuration of a slot before it proposes   *)
(*    there, so it must know every decision up to s - Alpha.  It knows     *)
(*    the decisions it made itself (a quorum of 2b in its ballot): pKnown  *)
(*    is volatile and a crash empties it.  Slots 1 .. Alpha are always in  *)
(*    InitConfig, so a leader that knows nothing can always start, and it  *)
(*    learns the rest by re-deciding the values its promises report.  At   *)
(*    most Alpha slots beyond a leader's known decided prefix are in       *)
(*    flight: Alpha is also the pipeline window.                           *)
(*  - Phase1a sends 1a to every acceptor of the universe (the leader does  *)
(*    not yet know which configurations it will need).  Promises for the   *)
(*    current ballot are kept while the leader leads, because a later slot *)
(*    may be in a configuration that earlier promises do not cover.  The   *)
(*    leader enters Phase 2 once a majority of InitConfig (the             *)
(*    configuration of slot 1) promised.                                   *)
(*  - The leader proposes slots in order (pNext), each once per ballot.   *)
(*    It may propose at slot s once it knows the configuration of s and    *)
(*    holds promises from a majority of it (CanPropose).  It proposes the  *)
(*    value of the highest-ballot vote its promises report for s; NoOp if  *)
(*    they report none for s but some above; otherwise s waits for a       *)
(*    client request (Propose).  Whenever its promises or its knowledge    *)
(*    grow (ReceivePromise, ReceiveAccepted) it proposes every slot that   *)
(*    has become proposable (CatchUp).  A 2a for s goes to the members of  *)
(*    the configuration of s only.                                         *)
(*  - A client request that arrives while the window is full stays in     *)
(*    flight until the leader can take it.                                 *)
(*                                                                         *)
(* Why it is safe.  Every node that computes the configuration of s (a     *)
(* leader from its decisions, the definition of "chosen" from the chosen  *)
(* log) uses only chosen values of slots <= s - Alpha, so all agree on it  *)
(* once those slots agree.  Then slot s is plain Paxos over that           *)
(* configuration: a leader that proposes at s holds promises of a majority *)
(* of it and picks the highest-ballot vote they report (the highest vote   *)
(* among more promises than a quorum is just as safe).  By induction on s, *)
(* every slot agrees.  Acceptors need not know configurations: they vote   *)
(* on any 2a above their promise, and a vote by a non-member does not      *)
(* count; correct leaders never ask non-members (VotesInConfig).           *)
(*                                                                         *)
(* The state machine.  A reconfiguration command does not change the       *)
(* counter: executing it records, in Admin's session, the counter value at *)
(* that point, which is what Admin receives as the reply.  Replicas        *)
(* need not know configurations: only leaders talk to acceptors.           *)
(*                                                                         *)
(* Left out.  Compaction: Next has no Snapshot or ReceiveSnapshot, so      *)
(* acceptors never forget slots (their `low', which a 2b carries, stays   *)
(* 1) and leaders never forget decisions.  With compaction, a new leader  *)
(* would have to start above the acceptors' `low' and would need the      *)
(* configurations below it, which only a replica's snapshot holds (state  *)
(* transfer).                                                              *)
(* Only acceptors are reconfigured; proposers and replicas are fixed.      *)
(* Retiring acceptors that no configuration names any more, and liveness, *)
(* are not modelled.                                                       *)
(*                                                                         *)
(* Recovery from loss, as in MultiPaxos: a replica that misses its next   *)
(* slot asks the proposers (RequestCatchUp, ReceiveCatchUp, reused), and a *)
(* leader re-sends what its ballot waits for (Retransmit, replaced): the   *)
(* 2a of an undecided proposal to the members of its slot's configuration *)
(* whose 2b it lacks, and the 1a of its ballot to every acceptor of the    *)
(* universe whose promise it lacks, in Phase 2 too, because a later slot   *)
(* may be in a configuration whose majority has not promised yet.          *)
(*                                                                         *)
(* Actions.  Reused from MultiPaxos unchanged: Submit, Resubmit,          *)
(* ReceiveReply, Phase1a, Preempted, ReceiveCatchUp, ProposerCrash (which  *)
(* forgets pKnown), Phase1b, Reject1a, Phase2b, Reject2a, AcceptorCrash,   *)
(* ReceiveDecision, RequestCatchUp, ReplicaCrash, Lose, Duplicate.         *)
(* Replaced, with the same parameters: ReceivePromise, Propose,           *)
(* ReceiveAccepted (a quorum of the slot's configuration), Retransmit (to  *)
(* the slot's configuration) and Execute (the state machine above).  As in *)
(* MultiPaxos, actions never enumerate Ballot or Slot.                     *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS Client,         \* the clients of the state machine
          Op,             \* the operations they issue: used only in Next
          Admin,          \* the client that submits reconfigurations
          Seq,            \* the request numbers TLC explores: used only in Next
          None,           \* no request or no reply yet
          Acceptor,       \* the universe of acceptors
          NumProposers,   \* proposers are 0 .. NumProposers - 1
          Replica,        \* the replicas
          Ballot,         \* the ballots TLC explores: used only in Next
          Slot,           \* the slots TLC explores: used only in Next
          InitConfig,     \* the acceptors in force from slot 1
          NewConfigs,     \* the acceptor sets a client may reconfigure to
          Alpha           \* a reconfiguration chosen at slot i is in force
                          \* from slot i + Alpha

ASSUME /\ Alpha \in Nat \ {0}
       /\ InitConfig \subseteq Acceptor /\ InitConfig # {}
       /\ \A C \in NewConfigs : C \subseteq Acceptor /\ C # {}

VARIABLES
    cReq, cReply,                                             \* client
    pBal, pPhase, pPromises, pProposals, pAccepts, pNext,     \* proposer
    maxBal, accepted, low, heard,                             \* acceptor
    rLog, snap, sm,                                           \* replica
    msgs, votes,                                              \* network, ghost
    pKnown      \* proposer: the decisions it knows, slot -> value (volatile)

\* The reconfiguration operations, and whether a log value is one.
ReconfigOp == {<<"config", C>> : C \in NewConfigs}
IsReconfig(v) == v.op[1] = "config"

\* MultiPaxos over all clients, Admin included, and all operations.  Its
\* fixed Quorum is read by no action or definition used here; {InitConfig}
\* only fills the parameter.
MP == INSTANCE MultiPaxos WITH Client <- Client \cup {Admin}, Op <- Op \cup ReconfigOp,
                               Quorum <- {InitConfig}

NoOp == MP!NoOp
Proposer == MP!Proposer
Owner(b) == MP!Owner(b)
Value == MP!Value

clientVars   == <<cReq, cReply>>
proposerVars == <<pBal, pPhase, pPromises, pProposals, pAccepts, pNext, pKnown>>
acceptorVars == <<maxBal, accepted, low, heard>>
replicaVars  == <<rLog, snap, sm>>
vars == <<clientVars, proposerVars, acceptorVars, replicaVars, msgs, votes>>

InFlight(m) == MP!InFlight(m)
Receive(m) == MP!Receive(m)
Reply(m, S) == MP!Reply(m, S)

EmptyLog == [s \in {} |-> NoOp]

-----------------------------------------------------------------------------
(* Configurations.  A log is a function from some slots to values.         *)

\* S contains a majority of the configuration C.
IsQuorum(C, S) == 2 * Cardinality(S \cap C) > Cardinality(C)

\* The holder of the log K knows every decision up to s - Alpha, hence the
\* configuration in force at s.  (The Alpha-window mutant overrides it.)
KnowsConfigAt(K, s) == \A i \in 1 .. (s - Alpha) : i \in DOMAIN K

\* The configuration named by the last reconfiguration in K at a slot <= j,
\* else InitConfig.
LastConfigUpTo(K, j) ==
    LET R == {i \in DOMAIN K : i <= j /\ IsReconfig(K[i])}
    IN  IF R = {} THEN InitConfig ELSE K[MP!Max(R)].op[2]

\* The configuration in force at slot s according to K.  (The off-by-one
\* mutant overrides it.)
ConfigAt(K, s) == LastConfigUpTo(K, s - Alpha)

-----------------------------------------------------------------------------
(* The leader's proposal rule.  S are its promises for its ballot, K the   *)
(* decisions it knows.                                                     *)

\* It may propose at s: it knows the configuration of s, and a majority of
\* that configuration promised.
CanPropose(S, K, s) == KnowsConfigAt(K, s) /\ IsQuorum(ConfigAt(K, s), MP!Senders(S))

\* The promises report a vote at s or above: s must be re-proposed (or
\* filled), not given to a client.
Reported(S, s) == \E t \in MP!ReportedSlots(S) : t >= s

\* What to re-propose at s: the highest-ballot vote reported, else NoOp.
Reproposal(S, s) ==
    IF s \in MP!ReportedSlots(S) THEN MP!HighestVote(S, s) ELSE NoOp

\* The proposals from slot n on that have become due: slot by slot, as long
\* as each is proposable and reported.
RECURSIVE CatchUp(_, _, _)
CatchUp(S, K, n) ==
    IF CanPropose(S, K, n) /\ Reported(S, n)
    THEN {<<n, Reproposal(S, n)>>} \cup CatchUp(S, K, n + 1)
    ELSE {}

\* The 2a messages for the proposals P in ballot b, each to the members of
\* its slot's configuration according to K.
Accepts2a(K, b, P) ==
    UNION {{[type |-> "2a", to |-> a, bal |-> b, slot |-> t[1], val |-> t[2]] :
               a \in ConfigAt(K, t[1])} : t \in P}

-----------------------------------------------------------------------------
(* The state machine: a reconfiguration leaves the state as it is and     *)
(* answers the counter.                                                    *)
Apply(st, v) ==
    IF IsReconfig(v) /\ MP!IsNew(st, v)
    THEN MP!Record(st, v, MP!CountResult(st.counter))
    ELSE MP!Apply(st, v)

-----------------------------------------------------------------------------
Init == MP!Init

(* Reused actions: what they do does not depend on the configuration.      *)
Submit(c, o)            == MP!Submit(c, o)
Resubmit(c)             == MP!Resubmit(c)
ReceiveReply(c, cmd, n) == MP!ReceiveReply(c, cmd, n)
Phase1a(p, b)           == MP!Phase1a(p, b)
Preempted(p, b, c)      == MP!Preempted(p, b, c)
ReceiveCatchUp(p, r, s) == MP!ReceiveCatchUp(p, r, s)
ProposerCrash(p)        == MP!ProposerCrash(p)
Phase1b(a, b)           == MP!Phase1b(a, b)
Reject1a(a, b)          == MP!Reject1a(a, b)
Phase2b(a, b, s, v)     == MP!Phase2b(a, b, s, v)
Reject2a(a, b, s, v)    == MP!Reject2a(a, b, s, v)
AcceptorCrash(a)        == MP!AcceptorCrash(a)
ReceiveDecision(r, s, v) == MP!ReceiveDecision(r, s, v)
RequestCatchUp(r)       == MP!RequestCatchUp(r)
ReplicaCrash(r)         == MP!ReplicaCrash(r)
Lose(m)                 == MP!Lose(m)
Duplicate(m)            == MP!Duplicate(m)

(* Proposer.                                                               *)
\* p receives the promise m.  A promise for its current ballot is kept.
\* Once a majority of InitConfig promised, p leads, and it proposes every
\* slot from pNext on that has become due.  Other promises are dropped.
ReceivePromise(p, m) ==
    /\ m.type = "1b"
    /\ Owner(m.bal) = p
    /\ InFlight(m)
    /\ LET S == pPromises[p] \cup {m}
           K == pKnown[p]
           n == IF pPhase[p] = "p1" THEN 1 ELSE pNext[p]
           P == CatchUp(S, K, n)
       IN  IF pPhase[p] # "idle" /\ m.bal = pBal[p]
           THEN /\ pPromises' = [pPromises EXCEPT ![p] = S]
                /\ IF pPhase[p] = "p2" \/ CanPropose(S, K, 1)
                   THEN /\ pPhase' = [pPhase EXCEPT ![p] = "p2"]
                        /\ pProposals' = [pProposals EXCEPT ![p] = @ \cup P]
                        /\ pNext' = [pNext EXCEPT ![p] = n + Cardinality(P)]
                        /\ Reply(m, Accepts2a(K, pBal[p], P))
                   ELSE /\ Receive(m)
                        /\ UNCHANGED <<pPhase, pProposals, pNext>>
           ELSE /\ Receive(m)
                /\ UNCHANGED <<pPhase, pPromises, pProposals, pNext>>
    /\ UNCHANGED <<clientVars, pBal, pAccepts, pKnown, acceptorVars,
                   replicaVars, votes>>

\* Leader p takes client request c into its next free slot, if it may
\* propose there and nothing is to be re-proposed there.  It drops a
\* request it already proposed and has not yet decided.  A request it
\* cannot take yet (the window is full) stays in flight.
Propose(p, c) ==
    /\ pPhase[p] = "p2"
    /\ LET req == [type |-> "request", cmd |-> c]
           s   == pNext[p]
       IN  IF \E q \in pProposals[p] : q[2] = c
           THEN /\ Receive(req)
                /\ UNCHANGED <<pProposals, pNext>>
           ELSE /\ CanPropose(pPromises[p], pKnown[p], s)
                /\ ~Reported(pPromises[p], s)
                /\ Reply(req, Accepts2a(pKnown[p], pBal[p], {<<s, c>>}))
                /\ pProposals' = [pProposals EXCEPT ![p] = @ \cup {<<s, c>>}]
                /\ pNext' = [pNext EXCEPT ![p] = s + 1]
    /\ UNCHANGED <<clientVars, pBal, pPhase, pPromises, pAccepts, pKnown,
                   acceptorVars, replicaVars, votes>>

\* Leader p receives a's 2b for slot s, which carries a's `low' l.  Once a
\* majority of the configuration of s accepted s in p's ballot, s is
\* decided: p tells every replica, forgets s as a proposal, remembers it as
\* a decision, and proposes the slots that the decision has brought into
\* its window.  Unlike MultiPaxos's, it forgets no decision below l: it
\* reads every one of them for the configurations (ConfigAt), and without
\* compaction l is always 1.
ReceiveAccepted(p, a, b, s, v, l) ==
    /\ Owner(b) = p
    /\ LET m == [type |-> "2b", from |-> a, bal |-> b, slot |-> s, val |-> v, low |-> l]
           A == pAccepts[p] \cup {<<s, a>>}
           K == MP!Extend(pKnown[p], s, v)
           P == CatchUp(pPromises[p], K, pNext[p])
       IN  IF pPhase[p] = "p2" /\ b = pBal[p] /\ <<s, v>> \in pProposals[p]
           THEN IF IsQuorum(ConfigAt(pKnown[p], s), {x[2] : x \in {y \in A : y[1] = s}})
                THEN /\ Reply(m, {[type |-> "decision", to |-> r, slot |-> s,
                                   val |-> v] : r \in Replica}
                                 \cup Accepts2a(K, b, P))
                     /\ pKnown' = [pKnown EXCEPT ![p] = K]
                     /\ pProposals' = [pProposals EXCEPT ![p] = (@ \ {<<s, v>>}) \cup P]
                     /\ pAccepts' = [pAccepts EXCEPT ![p] = {x \in A : x[1] # s}]
                     /\ pNext' = [pNext EXCEPT ![p] = @ + Cardinality(P)]
                ELSE /\ Receive(m)
                     /\ pAccepts' = [pAccepts EXCEPT ![p] = A]
                     /\ UNCHANGED <<pProposals, pKnown, pNext>>
           ELSE /\ Receive(m)
                /\ UNCHANGED <<pProposals, pAccepts, pKnown, pNext>>
    /\ UNCHANGED <<clientVars, pBal, pPhase, pPromises, acceptorVars,
                   replicaVars, votes>>

\* p's retry timer fires while it runs a ballot: it sends the 1a again to
\* the acceptors whose promise it lacks, and the 2a of each undecided
\* proposal to the members of its slot's configuration whose 2b it lacks.
Retransmit(p) ==
    /\ pPhase[p] \in {"p1", "p2"}
    /\ MP!Resend({[type |-> "1a", to |-> a, bal |-> pBal[p]] :
                    a \in Acceptor \ MP!Senders(pPromises[p])}
                 \cup UNION {{[type |-> "2a", to |-> a, bal |-> pBal[p], slot |-> t[1],
                              val |-> t[2]] :
                                 a \in {x \in ConfigAt(pKnown[p], t[1]) :
                                           <<t[1], x>> \notin pAccepts[p]}} :
                              t \in pProposals[p]})
    /\ UNCHANGED <<clientVars, proposerVars, acceptorVars, replicaVars, votes>>

(* Replica.                                                                *)
\* r executes its next slot and replies to the client of the command.
Execute(r) ==
    /\ sm[r].idx + 1 \in DOMAIN rLog[r]
    /\ LET v   == rLog[r][sm[r].idx + 1]
           new == Apply(sm[r], v)
       IN  /\ sm' = [sm EXCEPT ![r] = new]
           /\ MP!Send(MP!Replies(new, v))
    /\ UNCHANGED <<clientVars, proposerVars, acceptorVars, rLog, snap, votes>>

-----------------------------------------------------------------------------
\* The answers p still awaits in its ballot: MultiPaxos's AnswersLanded,
\* where a 1b is awaited in Phase 2 too, since p keeps its promises there.
AnswersLanded(p) ==
    ~\E m \in DOMAIN msgs :
        /\ m.type \in {"1b", "2b", "preempted"}
        /\ m.bal = pBal[p]
        /\ m.type = "2b" => <<m.slot, m.val>> \in pProposals[p]

(* As in MultiPaxos, Next enumerates the bounded sets; the actions do not, *)
(* and it takes a retry timer only when MultiPaxos's Next would (its      *)
(* header argues why).  No compaction: no Snapshot, no ReceiveSnapshot.    *)
ProtocolNext ==
    \/ \E c \in Client : MP!NextSeq(c) \in Seq /\ \E o \in Op : Submit(c, o)
    \/ MP!NextSeq(Admin) \in Seq /\ \E o \in ReconfigOp : Submit(Admin, o)
    \/ \E c \in Client \cup {Admin} : Resubmit(c)
    \/ \E p \in Proposer :
          \/ \E b \in Ballot : Phase1a(p, b)
          \/ \E c \in MP!Requests : pNext[p] \in Slot /\ Propose(p, c)
          \/ AnswersLanded(p) /\ Retransmit(p)
    \/ \E r \in Replica :
          \/ Execute(r)
          \/ /\ sm[r].idx + 1 \in Slot /\ MP!DecisionLanded(r) /\ MP!CatchUpAnswerable(r)
             /\ RequestCatchUp(r)
    \/ \E m \in DOMAIN msgs :
          \/ m.type = "1a" /\ (Phase1b(m.to, m.bal) \/ Reject1a(m.to, m.bal))
          \/ m.type = "1b" /\ ReceivePromise(Owner(m.bal), m)
          \/ m.type = "2a" /\ (\/ Phase2b(m.to, m.bal, m.slot, m.val)
                               \/ Reject2a(m.to, m.bal, m.slot, m.val))
          \/ m.type = "2b" /\ ReceiveAccepted(Owner(m.bal), m.from, m.bal,
                                              m.slot, m.val, m.low)
          \/ m.type = "preempted" /\ Preempted(Owner(m.bal), m.bal, m.higher)
          \/ m.type = "decision" /\ ReceiveDecision(m.to, m.slot, m.val)
          \/ m.type = "catchup" /\ ReceiveCatchUp(m.to, m.from, m.slot)
          \/ m.type = "reply" /\ ReceiveReply(m.cmd.client, m.cmd, m.result)

FaultNext ==
    \/ \E p \in Proposer : ProposerCrash(p)
    \/ \E a \in Acceptor : AcceptorCrash(a)
    \/ \E r \in Replica : ReplicaCrash(r)
    \/ \E m \in DOMAIN msgs : Lose(m) \/ Duplicate(m)

Next == ProtocolNext \/ FaultNext

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(***************************************************************************)
(* Correctness.  Slot s holds v once a majority of the configuration in    *)
(* force at s voted for v at s in one ballot, where that configuration is  *)
(* the one the chosen log determines: it is defined only once every slot   *)
(* up to s - Alpha is chosen (before that, nothing counts as chosen at s). *)
(***************************************************************************)
VotedFor(a, s, b, v) == <<s, b, v>> \in votes[a]

\* The values chosen at s if the configuration there is C.
ChosenWith(C, s) ==
    {t[3] : t \in {u \in UNION {votes[a] : a \in C} :
                      u[1] = s /\ IsQuorum(C, {q \in C : VotedFor(q, s, u[2], u[3])})}}

\* Slots 1 .. i of the log L are all chosen.
Prefix(L, i) == MP!Prefix(L, i)

VotedSlots == {t[1] : t \in UNION {votes[a] : a \in Acceptor}}

\* The chosen log, built slot by slot from slot s on, given the chosen log
\* L of the slots below s: s counts as chosen only if L holds every slot up
\* to s - Alpha, and then under the configuration L determines for s.
RECURSIVE ChosenFrom(_, _)
ChosenFrom(L, s) ==
    IF \A t \in VotedSlots : t < s
    THEN L
    ELSE LET C == IF Prefix(L, s - Alpha) THEN ChosenWith(ConfigAt(L, s), s) ELSE {}
         IN  ChosenFrom(IF C = {} THEN L ELSE MP!Extend(L, s, CHOOSE v \in C : TRUE), s + 1)

ChosenLog == ChosenFrom(EmptyLog, 1)

ChosenSlots == DOMAIN ChosenLog

\* Every value chosen at s (more than one would violate Agreement).
ChosenIn(s) ==
    LET L == ChosenLog
    IN  IF Prefix(L, s - Alpha) THEN ChosenWith(ConfigAt(L, s), s) ELSE {}

\* The state machine after executing slots 1 .. i of the log L.
RECURSIVE StateAfter(_, _)
StateAfter(L, i) == IF i = 0 THEN MP!InitSM ELSE Apply(StateAfter(L, i - 1), L[i])

TypeOK ==
    /\ MP!TypeOK
    /\ \A p \in Proposer : /\ DOMAIN pKnown[p] \subseteq Slot
                           /\ \A s \in DOMAIN pKnown[p] : pKnown[p][s] \in Value

\* Per slot, at most one value is chosen.
Agreement == \A s \in ChosenSlots : Cardinality(ChosenIn(s)) = 1

\* Only submitted commands and NoOp are chosen (bounded, as in MultiPaxos).
Validity ==
    \A s \in ChosenSlots :
        LET v == ChosenLog[s]
        IN  v # NoOp => /\ v \in MP!Command
                        /\ cReq[v.client] # None
                        /\ v.seq <= cReq[v.client].seq
                        /\ v.seq = cReq[v.client].seq => v = cReq[v.client]

\* Every decision a leader sent or knows, and every slot a replica holds,
\* is chosen.
LearnedIsChosen ==
    /\ \A m \in DOMAIN msgs : m.type = "decision" => m.val \in ChosenIn(m.slot)
    /\ \A r \in Replica : \A s \in DOMAIN rLog[r] : rLog[r][s] \in ChosenIn(s)
    /\ \A p \in Proposer : \A s \in DOMAIN pKnown[p] : pKnown[p][s] \in ChosenIn(s)

\* The window: an acceptor votes at s only once slots 1 .. s - Alpha are
\* chosen, and only if it is a member of the configuration of s.
VotesInConfig ==
    \A a \in Acceptor : \A t \in votes[a] :
        /\ \A i \in 1 .. (t[1] - Alpha) : i \in ChosenSlots
        /\ a \in ConfigAt(ChosenLog, t[1])

\* The leader's side of the window: a leader holds a proposal at s only if
\* it knows the decisions up to s - Alpha and holds promises of a majority
\* of the configuration of s (the one the chosen log determines), and every
\* 2a for s goes to a member of that configuration.
ProposalsInConfig ==
    /\ \A p \in Proposer : \A t \in pProposals[p] :
          /\ \A i \in 1 .. (t[1] - Alpha) : i \in DOMAIN pKnown[p]
          /\ IsQuorum(ConfigAt(ChosenLog, t[1]), MP!Senders(pPromises[p]))
    /\ \A m \in DOMAIN msgs : m.type = "2a" => m.to \in ConfigAt(ChosenLog, m.slot)

\* A replica has executed exactly the chosen slots 1 .. idx, in order.
ExecutedIsChosen ==
    LET L == ChosenLog
    IN  \A r \in Replica : /\ Prefix(L, sm[r].idx)
                           /\ sm[r] = StateAfter(L, sm[r].idx)

\* Of two replicas, the one behind has the state the other had there.
PrefixConsistency ==
    LET L == ChosenLog
    IN  \A r1, r2 \in Replica :
            sm[r1].idx <= sm[r2].idx =>
                /\ Prefix(L, sm[r2].idx)
                /\ sm[r1] = StateAfter(L, sm[r1].idx)
                /\ sm[r2] = StateAfter(L, sm[r2].idx)

\* A result a client received (or will receive) is the result of the
\* command's first execution in the chosen log (MultiPaxos's NoAckLost,
\* whose comment argues why this bounded check covers every reply).
NoAckLost ==
    LET L == ChosenLog
    IN  \A ack \in MP!Acknowledged :
            \E i \in DOMAIN L : /\ Prefix(L, i)
                                /\ ack[1].client \in DOMAIN StateAfter(L, i).session
                                /\ StateAfter(L, i).session[ack[1].client] =
                                       [seq |-> ack[1].seq, reply |-> ack[2]]

Inv == /\ TypeOK /\ Agreement /\ Validity /\ LearnedIsChosen /\ VotesInConfig
       /\ ProposalsInConfig /\ ExecutedIsChosen /\ PrefixConsistency /\ NoAckLost

-----------------------------------------------------------------------------
(* Refinement: the chosen log (under the changing configurations) is a     *)
(* ReplicatedLog; per slot s, the values chosen there are a Consensus.     *)
RL == INSTANCE ReplicatedLog WITH Command <- MP!SeqCommand,
                                  submitted <- MP!Submitted,
                                  log <- ChosenLog,
                                  executed <- [r \in Replica |-> sm[r].idx]

NoOpProposedAt(s) == \E a \in Acceptor : \E t \in votes[a] : t[1] = s /\ t[3] = NoOp

CS(s) == INSTANCE Consensus WITH
             Value <- MP!SeqCommand \cup {NoOp},
             proposed <- MP!Submitted \cup (IF NoOpProposedAt(s) THEN {NoOp} ELSE {}),
             chosen <- ChosenIn(s)
=============================================================================
