------------------------------ MODULE MultiPaxos ------------------------------
(***************************************************************************)
(* Multi-Paxos: a replicated log of client commands, built from one Paxos  *)
(* instance per slot that share Phase 1.  Roles, as in "Paxos Made        *)
(* Moderately Complex":                                                    *)
(*  - clients submit commands (operations on a counter and a key-value    *)
(*    map, one request at a time per client) and read replies;             *)
(*  - proposers (leaders) run ballots: Phase 1 once per ballot for every   *)
(*    slot, then Phase 2 per slot;                                         *)
(*  - acceptors promise and vote;                                          *)
(*  - replicas learn decided slots, execute them in slot order on the      *)
(*    counter, reply to clients and take snapshots.                        *)
(*                                                                         *)
(* The model.                                                              *)
(*  - Each action is what one node does atomically on one event: a client  *)
(*    request or its retry timer (Submit, Resubmit), a timeout (Phase1a),  *)
(*    the receipt of one message (Phase1b, Reject1a, ReceivePromise,       *)
(*    Propose, Phase2b, Reject2a, ReceiveAccepted, Preempted,              *)
(*    ReceiveDecision, ReceiveSnapshot, ReceiveReply), a local step        *)
(*    (Execute, Snapshot), or a crash followed by a restart from disk      *)
(*    (ProposerCrash, AcceptorCrash, ReplicaCrash).  Lose and Duplicate    *)
(*    are what the network does.                                           *)
(*    A node writes its durable state before it sends anything: the action *)
(*    is atomic.  MCMultiPaxos shows what goes wrong if it does not.       *)
(*  - Durable (survives a crash): an acceptor's maxBal, accepted and low;  *)
(*    a proposer's pBal; a replica's rLog and snap.  Everything else a     *)
(*    node holds is volatile and is reset by its crash action.             *)
(*  - The network `msgs' is a bag: a function from message to its number   *)
(*    of copies in flight.  A receive consumes one copy.  Messages may be  *)
(*    reordered (any copy may be received), lost (Lose) and duplicated     *)
(*    (Duplicate).  Most messages name their receiver (`to'); a client     *)
(*    request goes to whichever leader takes it.  Because receives consume *)
(*    and compaction drops old slots, the state stays proportional to the  *)
(*    messages in flight and the window of undecided slots, not to the    *)
(*    history.                                                             *)
(*  - Ballots are naturals; ballot b belongs to proposer b % NumProposers, *)
(*    as in Paxos, so no two proposers share a ballot.  A ballot's Phase 1 *)
(*    covers every slot an acceptor still remembers (>= its `low').        *)
(*  - A new leader re-proposes, for each slot reported in the promises of  *)
(*    a quorum, the value of the highest-ballot vote, and fills the gaps   *)
(*    below the highest reported slot with NoOp.  It then takes client     *)
(*    requests into the next free slots.                                   *)
(*  - A leader learns a slot from 2b (Accepted) messages of a quorum in    *)
(*    its ballot and sends a decision to every replica.  A leader that     *)
(*    hears of a higher ballot steps down (Preempted).                     *)
(*  - Bounded client sessions.  A command is [client, seq, op]: a client  *)
(*    numbers its requests 1, 2, ... and sends the next only once the last *)
(*    one is answered, so each client keeps only its last request and its  *)
(*    reply (cReq, cReply).  A replica keeps, per client, the seq of the   *)
(*    last command it executed and that command's reply (sm.session, the   *)
(*    Java SessionTable): a command executes only if its seq is above the  *)
(*    session's; a retry of the client's last request that was chosen     *)
(*    twice is answered again from the session; an older one is not       *)
(*    answered (its client has its reply and has moved on).  So the state  *)
(*    grows with the clients, not with the commands: nothing keeps a       *)
(*    history of commands, and a trace checker's state stays bounded.     *)
(*  - Compaction: a replica snapshots its state machine and drops its log  *)
(*    up to the snapshot; it tells the acceptors, and an acceptor forgets  *)
(*    its votes below the lowest snapshot of all replicas (so no replica   *)
(*    ever needs a slot that was forgotten).  A new leader starts at the   *)
(*    highest `low' its promises report: every slot below it is executed   *)
(*    by every replica, hence chosen.                                      *)
(*  - Actions take ballots, slots and values as parameters and never       *)
(*    enumerate Ballot or Slot; only Next does, for TLC.  So a trace       *)
(*    checker can bind Phase1a(p, 7) in a model whose ballots end at 2.    *)
(*  - Recovery from loss.  A message may be lost, so a node that waits for *)
(*    an answer re-sends (a timer, abstracted as: no copy of what it would *)
(*    send is in flight).  A leader re-sends the 1a of its ballot to the   *)
(*    acceptors whose promise it lacks, and in Phase 2 the 2a of each      *)
(*    undecided proposal to the acceptors whose 2b it lacks (Retransmit).  *)
(*    A decision is not re-sent blindly: the replica that misses its next  *)
(*    slot asks every proposer for it (RequestCatchUp), and a proposer     *)
(*    that knows the slot answers with the decision (ReceiveCatchUp).      *)
(*    Proposers, not acceptors or replicas, answer: an acceptor holds votes,*)
(*    not decisions, and a replica drops a slot from rLog once it is in    *)
(*    its snapshot, so another replica may no longer hold a slot a lagging *)
(*    one needs.  A proposer remembers the decisions it made, `pKnown',    *)
(*    until it crashes, but not those below the `low' of the acceptor      *)
(*    whose 2b completed a decision's quorum (a 2b carries its sender's    *)
(*    `low'): such a `low' is at most its acceptor's `low' ever after,     *)
(*    which is at most every replica's snapshot + 1                        *)
(*    (TruncatesOnlySnapshotted), and a replica asks only for the slot     *)
(*    after the one it executed, which is at or above its snapshot + 1     *)
(*    (a snapshot never goes back, and a restarted replica resumes from    *)
(*    it).  So a proposer forgets only slots no replica can ask for, and   *)
(*    pKnown, like an acceptor's votes, spans the slots between the        *)
(*    slowest replica's snapshot and the newest decision, not the history. *)
(*    A current leader knows every slot a replica can miss: the slot is at *)
(*    or above the replica's snapshot + 1, hence at or above every         *)
(*    acceptor's `low' and so at or above the leader's StartSlot, and      *)
(*    every chosen slot there is reported by its promises, re-proposed and *)
(*    decided in its ballot, and not forgotten since.  So under a leader   *)
(*    that stays in Phase 2 every decision still reaches every replica,    *)
(*    over links that lose messages but deliver one that is re-sent        *)
(*    forever.                                                             *)
(*    Next lets TLC re-send only once no answer to the copy before is in   *)
(*    flight either (a timer longer than a round trip), which keeps the    *)
(*    bag finite, and ask for a slot only once a proposer knows it; the    *)
(*    actions themselves do not test this, since no node sees the network.*)
(*  - The ghost variable `votes' records every vote ever cast; it is read  *)
(*    only by invariants and refinement mappings, never by a guard, and is *)
(*    written only by RecordVote, which a trace checker overrides with     *)
(*    UNCHANGED votes so that its state stays bounded.                     *)
(***************************************************************************)
EXTENDS Integers, FiniteSets, TLC

CONSTANTS Client,         \* the clients
          Op,             \* the operations clients issue: used only in Next
          Seq,            \* the request numbers TLC explores: used only in Next
          None,           \* no request or no reply yet
          Acceptor,       \* the acceptors
          Quorum,         \* a set of sets of acceptors; every two intersect
          NumProposers,   \* proposers are 0 .. NumProposers - 1
          Replica,        \* the replicas (learners that execute the log)
          Ballot,         \* the ballots TLC explores: used only in Next
          Slot            \* the slots TLC explores: used only in Next

Proposer == 0 .. (NumProposers - 1)

Owner(b) == b % NumProposers

(* The operations, as tuples of strings (the Java CommandCodec's fields):  *)
(* <<"incr">> adds one to the counter and answers the new count;           *)
(* <<"count">> answers the count; <<"put", k, v>> sets k to v, answers     *)
(* "ok"; <<"get", k>> answers k's value or "nil"; <<"cas", k, e, u>> sets  *)
(* k to u if its value (or "nil") is e, answers "true" or "false".         *)
Command == [client : Client, seq : Nat \ {0}, op : Op]

\* The command a new leader fills gaps with: a command of no client, so it
\* never runs and is never answered.  (A record, so that a trace checker
\* compares it with commands; TLC cannot compare a record with a string.)
NoOp == [client |-> "", seq |-> 0, op |-> <<"noop">>]

Value == Command \cup {NoOp}

\* What an operation answers: a string, a count in decimal (as the Java
\* state machine answers it).
Result == STRING
CountResult(n) == ToString(n)

VARIABLES
    cReq,       \* client: its last request (a command), or None
    cReply,     \* client: the result received for cReq, or None
    pBal,       \* proposer: current ballot, or -1                  (durable)
    pPhase,     \* proposer: "idle", "p1" (awaiting promises), "p2" (leading)
    pPromises,  \* proposer: the 1b messages received for pBal
    pProposals, \* proposer: <<slot, value>> proposed in pBal, not yet decided
    pAccepts,   \* proposer: <<slot, acceptor>> 2b received for pBal
    pNext,      \* proposer: the next free slot
    pKnown,     \* proposer: the decisions it made, slot -> value, until it
                \*           crashes, from the `low' its last deciding 2b
                \*           carried on (it answers catch-up requests from
                \*           them)
    maxBal,     \* acceptor: never vote below this ballot, or -1    (durable)
    accepted,   \* acceptor: <<slot, ballot, value>>, its last vote per slot
                \*           for the slots >= low                   (durable)
    low,        \* acceptor: the lowest slot it still remembers     (durable)
    heard,      \* acceptor: heard[a][r], r's snapshot index as a last heard
    rLog,       \* replica: decided slots above its snapshot, slot -> value
                \*                                                  (durable)
    snap,       \* replica: state machine snapshot                  (durable)
    sm,         \* replica: state machine: [idx, counter, kv, session], where
                \*          idx is the last executed slot, kv the key-value map
                \*          and session maps a client to [seq, reply] of the
                \*          last command of it executed (the session table)
    msgs,       \* network: message -> number of copies in flight
    votes       \* ghost: votes[a], every <<slot, ballot, value>> a voted for

clientVars   == <<cReq, cReply>>
proposerVars == <<pBal, pPhase, pPromises, pProposals, pAccepts, pNext, pKnown>>
acceptorVars == <<maxBal, accepted, low, heard>>
replicaVars  == <<rLog, snap, sm>>
vars == <<clientVars, proposerVars, acceptorVars, replicaVars, msgs, votes>>

-----------------------------------------------------------------------------
(* Messages.                                                               *)
Message ==
         [type : {"request"}, cmd : Command]
    \cup [type : {"1a"}, to : Acceptor, bal : Ballot]
    \cup [type : {"1b"}, from : Acceptor, bal : Ballot, low : Nat,
          votes : SUBSET (Slot \X Ballot \X Value)]
    \cup [type : {"2a"}, to : Acceptor, bal : Ballot, slot : Slot, val : Value]
    \cup [type : {"2b"}, from : Acceptor, bal : Ballot, slot : Slot, val : Value,
          low : Nat \ {0}]
    \cup [type : {"preempted"}, bal : Ballot, higher : Ballot]
    \cup [type : {"decision"}, to : Replica, slot : Slot, val : Value]
    \cup [type : {"catchup"}, from : Replica, to : Proposer, slot : Slot]
    \cup [type : {"snapshot"}, from : Replica, to : Acceptor, idx : Nat]
    \cup [type : {"reply"}, cmd : Command, result : Result]

(* The bag.  Send adds one copy of each message in S; Receive removes one  *)
(* copy of m; Reply does both in one step.                                 *)
AddAll(bag, S) ==
    [x \in DOMAIN bag \cup S |->
        (IF x \in DOMAIN bag THEN bag[x] ELSE 0) + (IF x \in S THEN 1 ELSE 0)]

RemoveOne(bag, m) ==
    IF bag[m] = 1 THEN [x \in DOMAIN bag \ {m} |-> bag[x]]
                  ELSE [bag EXCEPT ![m] = @ - 1]

InFlight(m) == m \in DOMAIN msgs

Send(S) == msgs' = AddAll(msgs, S)
Receive(m) == /\ InFlight(m)
              /\ msgs' = RemoveOne(msgs, m)
Reply(m, S) == /\ InFlight(m)
               /\ msgs' = AddAll(RemoveOne(msgs, m), S)

\* A node's retry timer: it sends again those of S that have no copy in
\* flight, and fires only if there is one.
Resend(S) == LET N == {m \in S : ~InFlight(m)}
             IN  /\ N # {}
                 /\ Send(N)

-----------------------------------------------------------------------------
(* Helpers.                                                                *)
Max(S) == CHOOSE x \in S : \A y \in S : y <= x
Min(S) == CHOOSE x \in S : \A y \in S : x <= y

\* The function f with x mapped to v.
Extend(f, x, v) == [y \in DOMAIN f \cup {x} |-> IF y = x THEN v ELSE f[y]]

\* The function f without the arguments up to i.
DropUpTo(f, i) == [y \in {z \in DOMAIN f : z > i} |-> f[y]]

NoVotes == {}   \* a typed empty set of votes

\* The acceptors that sent the promises S.
Senders(S) == {m.from : m \in S}

\* The slots for which the promises S report a vote.
ReportedSlots(S) == {t[1] : t \in UNION {m.votes : m \in S}}

\* The value of the highest-ballot vote reported for slot s in S.
HighestVote(S, s) ==
    LET V == {t \in UNION {m.votes : m \in S} : t[1] = s}
    IN  (CHOOSE t \in V : \A u \in V : u[2] <= t[2])[3]

\* Where a leader with promises S starts: every slot below was forgotten
\* by some acceptor of S, hence is executed everywhere, hence chosen.
StartSlot(S) == Max({m.low : m \in S})

\* What a leader with promises S must propose first: the highest-ballot
\* value for each reported slot, and NoOp for each gap below the highest.
Reproposals(S) ==
    LET slots == {s \in ReportedSlots(S) : s >= StartSlot(S)}
        top   == IF slots = {} THEN StartSlot(S) - 1 ELSE Max(slots)
    IN  {<<s, IF s \in slots THEN HighestVote(S, s) ELSE NoOp>> :
            s \in StartSlot(S) .. top}

\* The 2a messages for the proposals P in ballot b, one per acceptor.
Accepts2a(b, P) == {[type |-> "2a", to |-> a, bal |-> b, slot |-> p[1], val |-> p[2]] :
                        a \in Acceptor, p \in P}

\* The state machine: a counter, a key-value map and the session table.
InitSM == [idx |-> 0, counter |-> 0, kv |-> [k \in {} |-> "nil"],
           session |-> [c \in {} |-> [seq |-> 0, reply |-> "nil"]]]

Lookup(kv, k) == IF k \in DOMAIN kv THEN kv[k] ELSE "nil"

\* The operation o on the state st: [st |-> the state after, res |-> its result].
Run(st, o) ==
    CASE o[1] = "incr"  -> [st |-> [st EXCEPT !.counter = @ + 1], res |-> CountResult(st.counter + 1)]
      [] o[1] = "count" -> [st |-> st, res |-> CountResult(st.counter)]
      [] o[1] = "put"   -> [st |-> [st EXCEPT !.kv = Extend(@, o[2], o[3])], res |-> "ok"]
      [] o[1] = "get"   -> [st |-> st, res |-> Lookup(st.kv, o[2])]
      [] o[1] = "cas"   -> IF Lookup(st.kv, o[2]) = o[3]
                           THEN [st |-> [st EXCEPT !.kv = Extend(@, o[2], o[4])], res |-> "true"]
                           ELSE [st |-> st, res |-> "false"]

\* v runs: its seq is above its client's session (the client's next request).
IsNew(st, v) == v.client \notin DOMAIN st.session \/ v.seq > st.session[v.client].seq

\* The state after the state st with the result r of v recorded in v's session.
Record(st, v, r) == [st EXCEPT !.idx = @ + 1,
                               !.session = Extend(@, v.client, [seq |-> v.seq, reply |-> r])]

Apply(st, v) ==
    IF v = NoOp \/ ~IsNew(st, v)
    THEN [st EXCEPT !.idx = @ + 1]
    ELSE LET x == Run(st, v.op) IN Record(x.st, v, x.res)

\* The reply Execute sends for v, where st is the state v left: the session's
\* reply when v is its client's latest request executed, none for an older
\* one (its client had its reply before it sent a later request) or NoOp.
Replies(st, v) ==
    IF v # NoOp /\ st.session[v.client].seq = v.seq
    THEN {[type |-> "reply", cmd |-> v, result |-> st.session[v.client].reply]}
    ELSE {}

\* The acceptor's durable writes: its promise, and its vote (which is also
\* a promise).  Both reach the disk before the acceptor answers.
WritePromise(a, b) == maxBal' = [maxBal EXCEPT ![a] = b]

WriteVote(a, s, b, v) ==
    /\ maxBal' = [maxBal EXCEPT ![a] = b]
    /\ accepted' = [accepted EXCEPT ![a] = {t \in @ : t[1] # s} \cup {<<s, b, v>>}]

\* The ghost record of a vote.  A trace checker overrides it with
\* UNCHANGED votes.
RecordVote(a, s, b, v) == votes' = [votes EXCEPT ![a] = @ \cup {<<s, b, v>>}]

-----------------------------------------------------------------------------
Init == /\ cReq = [c \in Client |-> None]
        /\ cReply = [c \in Client |-> None]
        /\ pBal = [p \in Proposer |-> -1]
        /\ pPhase = [p \in Proposer |-> "idle"]
        /\ pPromises = [p \in Proposer |-> {}]
        /\ pProposals = [p \in Proposer |-> {}]
        /\ pAccepts = [p \in Proposer |-> {}]
        /\ pNext = [p \in Proposer |-> 1]
        /\ pKnown = [p \in Proposer |-> [s \in {} |-> NoOp]]
        /\ maxBal = [a \in Acceptor |-> -1]
        /\ accepted = [a \in Acceptor |-> NoVotes]
        /\ low = [a \in Acceptor |-> 1]
        /\ heard = [a \in Acceptor |-> [r \in Replica |-> 0]]
        /\ rLog = [r \in Replica |-> [s \in {} |-> NoOp]]
        /\ snap = [r \in Replica |-> InitSM]
        /\ sm = [r \in Replica |-> InitSM]
        /\ msgs = [m \in {} |-> 0]
        /\ votes = [a \in Acceptor |-> NoVotes]

(* Client.                                                                 *)
\* The seq of client c's next request.
NextSeq(c) == IF cReq[c] = None THEN 1 ELSE cReq[c].seq + 1

\* Client c sends its next request, operation o, once its last one is
\* answered.
Submit(c, o) ==
    /\ cReq[c] = None \/ cReply[c] # None
    /\ LET cmd == [client |-> c, seq |-> NextSeq(c), op |-> o]
       IN  /\ cReq' = [cReq EXCEPT ![c] = cmd]
           /\ cReply' = [cReply EXCEPT ![c] = None]
           /\ Send({[type |-> "request", cmd |-> cmd]})
    /\ UNCHANGED <<proposerVars, acceptorVars, replicaVars, votes>>

\* c's timer fires: its request has no reply and (abstracting the timer's
\* length) no copy of it is in flight.  It sends the request again; a
\* replica that already executed it answers from its session.
Resubmit(c) ==
    /\ cReq[c] # None
    /\ cReply[c] = None
    /\ ~InFlight([type |-> "request", cmd |-> cReq[c]])
    /\ Send({[type |-> "request", cmd |-> cReq[c]]})
    /\ UNCHANGED <<clientVars, proposerVars, acceptorVars, replicaVars, votes>>

\* Client c receives the result n of its command cmd.  It keeps the first
\* reply to its current request; a second copy, or a reply to an older
\* request, is consumed without effect.
ReceiveReply(c, cmd, n) ==
    /\ cmd.client = c
    /\ Receive([type |-> "reply", cmd |-> cmd, result |-> n])
    /\ cReply' = IF cmd = cReq[c] /\ cReply[c] = None
                 THEN [cReply EXCEPT ![c] = n] ELSE cReply
    /\ UNCHANGED <<cReq, proposerVars, acceptorVars, replicaVars, votes>>

(* Proposer.                                                               *)
\* p times out and starts ballot b, one of its own, above its last.  A
\* leader in Phase 2 does not time out; it steps down only when pre-empted
\* or when it crashes.
Phase1a(p, b) ==
    /\ pPhase[p] # "p2"
    /\ Owner(b) = p
    /\ b > pBal[p]
    /\ pBal' = [pBal EXCEPT ![p] = b]
    /\ pPhase' = [pPhase EXCEPT ![p] = "p1"]
    /\ pPromises' = [pPromises EXCEPT ![p] = {}]
    /\ pProposals' = [pProposals EXCEPT ![p] = {}]
    /\ pAccepts' = [pAccepts EXCEPT ![p] = {}]
    /\ Send({[type |-> "1a", to |-> a, bal |-> b] : a \in Acceptor})
    /\ UNCHANGED <<clientVars, pNext, pKnown, acceptorVars, replicaVars, votes>>

\* p receives the promise m.  Once promises from a quorum are in, p leads:
\* it re-proposes what they report and fills the gaps with NoOp.
\* A promise for an older ballot is dropped.
ReceivePromise(p, m) ==
    /\ m.type = "1b"
    /\ Owner(m.bal) = p
    /\ InFlight(m)
    /\ LET S == pPromises[p] \cup {m}
           P == Reproposals(S)
       IN  IF pPhase[p] = "p1" /\ m.bal = pBal[p]
           THEN IF \E Q \in Quorum : Q \subseteq Senders(S)
                THEN /\ pPhase' = [pPhase EXCEPT ![p] = "p2"]
                     /\ pPromises' = [pPromises EXCEPT ![p] = {}]
                     /\ pProposals' = [pProposals EXCEPT ![p] = P]
                     /\ pNext' = [pNext EXCEPT ![p] =
                                     StartSlot(S) + Cardinality(P)]
                     /\ Reply(m, Accepts2a(pBal[p], P))
                ELSE /\ pPromises' = [pPromises EXCEPT ![p] = S]
                     /\ Receive(m)
                     /\ UNCHANGED <<pPhase, pProposals, pNext>>
           ELSE /\ Receive(m)
                /\ UNCHANGED <<pPhase, pPromises, pProposals, pNext>>
    /\ UNCHANGED <<clientVars, pBal, pAccepts, pKnown, acceptorVars, replicaVars,
                   votes>>

\* Leader p takes client request c into its next free slot.  It drops a
\* request it already proposed and has not yet decided.
Propose(p, c) ==
    /\ pPhase[p] = "p2"
    /\ LET req == [type |-> "request", cmd |-> c]
           s   == pNext[p]
       IN  IF \E q \in pProposals[p] : q[2] = c
           THEN /\ Receive(req)
                /\ UNCHANGED <<pProposals, pNext>>
           ELSE /\ Reply(req, Accepts2a(pBal[p], {<<s, c>>}))
                /\ pProposals' = [pProposals EXCEPT ![p] = @ \cup {<<s, c>>}]
                /\ pNext' = [pNext EXCEPT ![p] = s + 1]
    /\ UNCHANGED <<clientVars, pBal, pPhase, pPromises, pAccepts, pKnown,
                   acceptorVars, replicaVars, votes>>

\* Leader p receives a's 2b for slot s, which carries a's `low' l.  Once a
\* quorum accepted s in p's ballot, s is decided: p tells every replica,
\* forgets s as a proposal and remembers it as a decision, and forgets the
\* decisions below l, which every replica has in its snapshot (the header).
ReceiveAccepted(p, a, b, s, v, l) ==
    /\ Owner(b) = p
    /\ LET m == [type |-> "2b", from |-> a, bal |-> b, slot |-> s, val |-> v, low |-> l]
           A == pAccepts[p] \cup {<<s, a>>}
       IN  IF pPhase[p] = "p2" /\ b = pBal[p] /\ <<s, v>> \in pProposals[p]
           THEN IF \E Q \in Quorum : \A q \in Q : <<s, q>> \in A
                THEN /\ Reply(m, {[type |-> "decision", to |-> r, slot |-> s,
                                   val |-> v] : r \in Replica})
                     /\ pProposals' = [pProposals EXCEPT ![p] = @ \ {<<s, v>>}]
                     /\ pAccepts' = [pAccepts EXCEPT ![p] = {x \in A : x[1] # s}]
                     /\ pKnown' = [pKnown EXCEPT ![p] = DropUpTo(Extend(@, s, v), l - 1)]
                ELSE /\ Receive(m)
                     /\ pAccepts' = [pAccepts EXCEPT ![p] = A]
                     /\ UNCHANGED <<pProposals, pKnown>>
           ELSE /\ Receive(m)
                /\ UNCHANGED <<pProposals, pAccepts, pKnown>>
    /\ UNCHANGED <<clientVars, pBal, pPhase, pPromises, pNext,
                   acceptorVars, replicaVars, votes>>

\* p hears that an acceptor promised ballot c above its own b: it steps
\* down.  A later Phase1a will have to pick a ballot above c.
Preempted(p, b, c) ==
    /\ Receive([type |-> "preempted", bal |-> b, higher |-> c])
    /\ Owner(b) = p
    /\ IF b = pBal[p] /\ c > b
       THEN /\ pPhase' = [pPhase EXCEPT ![p] = "idle"]
            /\ pPromises' = [pPromises EXCEPT ![p] = {}]
            /\ pProposals' = [pProposals EXCEPT ![p] = {}]
            /\ pAccepts' = [pAccepts EXCEPT ![p] = {}]
       ELSE UNCHANGED <<pPhase, pPromises, pProposals, pAccepts>>
    /\ UNCHANGED <<clientVars, pBal, pNext, pKnown, acceptorVars, replicaVars, votes>>

\* p's retry timer fires while it runs a ballot: in Phase 1 it sends the 1a
\* again to the acceptors whose promise it lacks; in Phase 2 the 2a of each
\* undecided proposal to the acceptors whose 2b for it it lacks.
Retransmit(p) ==
    /\ pPhase[p] \in {"p1", "p2"}
    /\ Resend(IF pPhase[p] = "p1"
              THEN {[type |-> "1a", to |-> a, bal |-> pBal[p]] :
                       a \in Acceptor \ Senders(pPromises[p])}
              ELSE UNION {{[type |-> "2a", to |-> a, bal |-> pBal[p], slot |-> t[1],
                             val |-> t[2]] :
                                a \in {x \in Acceptor : <<t[1], x>> \notin pAccepts[p]}} :
                             t \in pProposals[p]})
    /\ UNCHANGED <<clientVars, proposerVars, acceptorVars, replicaVars, votes>>

\* p receives replica r's request for slot s and answers with the decision
\* if it knows it.
ReceiveCatchUp(p, r, s) ==
    /\ LET m == [type |-> "catchup", from |-> r, to |-> p, slot |-> s]
       IN  IF s \in DOMAIN pKnown[p]
           THEN Reply(m, {[type |-> "decision", to |-> r, slot |-> s, val |-> pKnown[p][s]]})
           ELSE Receive(m)
    /\ UNCHANGED <<clientVars, proposerVars, acceptorVars, replicaVars, votes>>

\* p crashes and restarts: it keeps its ballot and forgets everything else,
\* the decisions it knew included.
ProposerCrash(p) ==
    /\ pPhase' = [pPhase EXCEPT ![p] = "idle"]
    /\ pPromises' = [pPromises EXCEPT ![p] = {}]
    /\ pProposals' = [pProposals EXCEPT ![p] = {}]
    /\ pAccepts' = [pAccepts EXCEPT ![p] = {}]
    /\ pNext' = [pNext EXCEPT ![p] = 1]
    /\ pKnown' = [pKnown EXCEPT ![p] = [s \in {} |-> NoOp]]
    /\ UNCHANGED <<clientVars, pBal, acceptorVars, replicaVars, msgs, votes>>

(* Acceptor.                                                               *)
\* a receives 1a for ballot b, promises it and reports every vote it holds.
Phase1b(a, b) ==
    /\ b >= maxBal[a]
    /\ WritePromise(a, b)
    /\ Reply([type |-> "1a", to |-> a, bal |-> b],
             {[type |-> "1b", from |-> a, bal |-> b, low |-> low[a],
               votes |-> accepted[a]]})
    /\ UNCHANGED <<clientVars, proposerVars, accepted, low, heard,
                   replicaVars, votes>>

\* a receives 1a for ballot b below its promise and tells b's owner.
Reject1a(a, b) ==
    /\ b < maxBal[a]
    /\ Reply([type |-> "1a", to |-> a, bal |-> b],
             {[type |-> "preempted", bal |-> b, higher |-> maxBal[a]]})
    /\ UNCHANGED <<clientVars, proposerVars, acceptorVars, replicaVars, votes>>

\* a receives 2a for ballot b and slot s and votes for v.
Phase2b(a, b, s, v) ==
    /\ b >= maxBal[a]
    /\ s >= low[a]
    /\ WriteVote(a, s, b, v)
    /\ Reply([type |-> "2a", to |-> a, bal |-> b, slot |-> s, val |-> v],
             {[type |-> "2b", from |-> a, bal |-> b, slot |-> s, val |-> v,
               low |-> low[a]]})
    /\ RecordVote(a, s, b, v)
    /\ UNCHANGED <<clientVars, proposerVars, low, heard, replicaVars>>

\* a receives 2a it must not vote for: b is below its promise (it tells
\* b's owner), or s is below low (s is decided and forgotten; it drops it).
Reject2a(a, b, s, v) ==
    /\ b < maxBal[a] \/ s < low[a]
    /\ Reply([type |-> "2a", to |-> a, bal |-> b, slot |-> s, val |-> v],
             IF b < maxBal[a]
             THEN {[type |-> "preempted", bal |-> b, higher |-> maxBal[a]]}
             ELSE {})
    /\ UNCHANGED <<clientVars, proposerVars, acceptorVars, replicaVars, votes>>

\* a hears that replica r snapshotted up to slot i.  It forgets its votes
\* below the lowest snapshot it has heard of from every replica.
ReceiveSnapshot(a, r, i) ==
    /\ Receive([type |-> "snapshot", from |-> r, to |-> a, idx |-> i])
    /\ LET h    == [heard[a] EXCEPT ![r] = IF i > @ THEN i ELSE @]
           newLow == Max({low[a], Min({h[q] : q \in Replica}) + 1})
       IN  /\ heard' = [heard EXCEPT ![a] = h]
           /\ low' = [low EXCEPT ![a] = newLow]
           /\ accepted' = [accepted EXCEPT ![a] = {t \in @ : t[1] >= newLow}]
    /\ UNCHANGED <<clientVars, proposerVars, maxBal, replicaVars, votes>>

\* a crashes and restarts: its durable state survives, `heard' does not.
AcceptorCrash(a) ==
    /\ heard' = [heard EXCEPT ![a] = [r \in Replica |-> 0]]
    /\ UNCHANGED <<clientVars, proposerVars, maxBal, accepted, low,
                   replicaVars, msgs, votes>>

(* Replica.                                                                *)
\* r learns that slot s is decided with v.  A slot it already executed
\* is dropped.
ReceiveDecision(r, s, v) ==
    /\ Receive([type |-> "decision", to |-> r, slot |-> s, val |-> v])
    /\ rLog' = [rLog EXCEPT ![r] = IF s > sm[r].idx THEN Extend(@, s, v) ELSE @]
    /\ UNCHANGED <<clientVars, proposerVars, acceptorVars, snap, sm, votes>>

\* r's retry timer fires while its next slot is not decided here: it asks
\* every proposer for that slot.
RequestCatchUp(r) ==
    /\ sm[r].idx + 1 \notin DOMAIN rLog[r]
    /\ Resend({[type |-> "catchup", from |-> r, to |-> p, slot |-> sm[r].idx + 1] :
                p \in Proposer})
    /\ UNCHANGED <<clientVars, proposerVars, acceptorVars, replicaVars, votes>>

\* r executes its next slot and replies to the client of the command (from
\* the session, if the command is a retry executed before).
Execute(r) ==
    /\ sm[r].idx + 1 \in DOMAIN rLog[r]
    /\ LET v   == rLog[r][sm[r].idx + 1]
           new == Apply(sm[r], v)
       IN  /\ sm' = [sm EXCEPT ![r] = new]
           /\ Send(Replies(new, v))
    /\ UNCHANGED <<clientVars, proposerVars, acceptorVars, rLog, snap, votes>>

\* r writes its state machine to disk, drops the slots it covers, and
\* tells the acceptors.
Snapshot(r) ==
    /\ sm[r].idx > snap[r].idx
    /\ snap' = [snap EXCEPT ![r] = sm[r]]
    /\ rLog' = [rLog EXCEPT ![r] = DropUpTo(@, sm[r].idx)]
    /\ Send({[type |-> "snapshot", from |-> r, to |-> a, idx |-> sm[r].idx] :
                a \in Acceptor})
    /\ UNCHANGED <<clientVars, proposerVars, acceptorVars, sm, votes>>

\* r crashes and restarts from its snapshot; it replays rLog from there.
ReplicaCrash(r) ==
    /\ sm' = [sm EXCEPT ![r] = snap[r]]
    /\ UNCHANGED <<clientVars, proposerVars, acceptorVars, rLog, snap, msgs, votes>>

(* Network.                                                                *)
Lose(m) ==
    /\ Receive(m)
    /\ UNCHANGED <<clientVars, proposerVars, acceptorVars, replicaVars, votes>>

Duplicate(m) ==
    /\ InFlight(m)
    /\ msgs' = [msgs EXCEPT ![m] = @ + 1]
    /\ UNCHANGED <<clientVars, proposerVars, acceptorVars, replicaVars, votes>>

-----------------------------------------------------------------------------
(* Next enumerates the bounded sets; the actions do not.  The receive      *)
(* actions are enumerated from the messages in flight.  A retry timer is   *)
(* taken only once no answer to the last copy is in flight either (see the *)
(* header): AnswersLanded, DecisionLanded; and a replica asks for a slot   *)
(* only once some proposer can answer (CatchUpAnswerable).  Both bound the *)
(* model: a request sent earlier can only be consumed without effect, or   *)
(* answered as the later one is, and no invariant reads catch-up requests. *)
(* ProtocolNext is what nodes do; FaultNext is what the environment does   *)
(* to them (crashes, loss, duplication), kept apart so that a model can     *)
(* bound the number of faults.                                             *)
\* The answers p still awaits in its ballot: a 1b in Phase 1, a 2b for an
\* undecided proposal, a pre-emption.  (Others can only be consumed without
\* effect, and MCMultiPaxos's LiveView ignores them, so Next must too.)
AnswersLanded(p) ==
    ~\E m \in DOMAIN msgs :
        /\ m.type \in {"1b", "2b", "preempted"}
        /\ m.bal = pBal[p]
        /\ m.type = "1b" => pPhase[p] = "p1"
        /\ m.type = "2b" => <<m.slot, m.val>> \in pProposals[p]

\* The commands whose requests are in flight.
Requests == {m.cmd : m \in {x \in DOMAIN msgs : x.type = "request"}}

DecisionLanded(r) ==
    ~\E m \in DOMAIN msgs : m.type = "decision" /\ m.to = r /\ m.slot = sm[r].idx + 1

\* A catch-up request that no proposer can answer yet is consumed without
\* effect, so Next sends one only once some proposer knows the slot.
CatchUpAnswerable(r) == \E p \in Proposer : sm[r].idx + 1 \in DOMAIN pKnown[p]

ProtocolNext ==
    \/ \E c \in Client : \/ NextSeq(c) \in Seq /\ \E o \in Op : Submit(c, o)
                         \/ Resubmit(c)
    \/ \E p \in Proposer :
          \/ \E b \in Ballot : Phase1a(p, b)
          \/ \E c \in Requests : pNext[p] \in Slot /\ Propose(p, c)
          \/ AnswersLanded(p) /\ Retransmit(p)
    \/ \E r \in Replica :
          \/ Execute(r) \/ Snapshot(r)
          \/ /\ sm[r].idx + 1 \in Slot /\ DecisionLanded(r) /\ CatchUpAnswerable(r)
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
          \/ m.type = "snapshot" /\ ReceiveSnapshot(m.to, m.from, m.idx)
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
(* Correctness.  The chosen log is defined from the ghost votes: slot s    *)
(* holds v once a quorum voted for v at s in one ballot.                   *)
(***************************************************************************)
\* Every vote cast so far, and those a quorum cast: <<s, b, v>> is in
\* QuorumVotes once every acceptor of some quorum voted for v at s in b.
AllVotes == UNION {votes[a] : a \in Acceptor}

QuorumVotes == {t \in AllVotes : \E Q \in Quorum : \A q \in Q : t \in votes[q]}

ChosenIn(s) == {t[3] : t \in {u \in QuorumVotes : u[1] = s}}

ChosenSlots == {t[1] : t \in QuorumVotes}

\* The chosen log: slot -> value.  (Where Agreement fails, any one value.)
ChosenLog == LET D == QuorumVotes
             IN  [s \in {t[1] : t \in D} |-> (CHOOSE t \in D : t[1] = s)[3]]

\* The state machine after executing slots 1 .. i of the log L.
RECURSIVE StateAfter(_, _)
StateAfter(L, i) == IF i = 0 THEN InitSM ELSE Apply(StateAfter(L, i - 1), L[i])

\* Slots 1 .. i of the log L are all chosen.
Prefix(L, i) == \A j \in 1 .. i : j \in DOMAIN L

TypeOK ==
    /\ cReq \in [Client -> Command \cup {None}]
    /\ cReply \in [Client -> Result \cup {None}]
    /\ \A c \in Client : /\ cReq[c] # None => cReq[c].client = c
                         /\ cReq[c] = None => cReply[c] = None
    /\ pBal \in [Proposer -> Ballot \cup {-1}]
    /\ pPhase \in [Proposer -> {"idle", "p1", "p2"}]
    /\ \A p \in Proposer : /\ pPromises[p] \subseteq Message
                           /\ pProposals[p] \subseteq Slot \X Value
                           /\ pAccepts[p] \subseteq Slot \X Acceptor
                           /\ pNext[p] \in Nat \ {0}
                           /\ DOMAIN pKnown[p] \subseteq Slot
                           /\ \A s \in DOMAIN pKnown[p] : pKnown[p][s] \in Value
    /\ maxBal \in [Acceptor -> Ballot \cup {-1}]
    /\ accepted \in [Acceptor -> SUBSET (Slot \X Ballot \X Value)]
    /\ low \in [Acceptor -> Nat \ {0}]
    /\ heard \in [Acceptor -> [Replica -> Nat]]
    /\ \A r \in Replica : /\ DOMAIN rLog[r] \subseteq Slot
                          /\ \A s \in DOMAIN rLog[r] : rLog[r][s] \in Value
                          /\ sm[r].idx \in Nat /\ snap[r].idx <= sm[r].idx
                          /\ DOMAIN sm[r].session \subseteq Client
    /\ DOMAIN msgs \subseteq Message
    /\ \A m \in DOMAIN msgs : msgs[m] \in Nat \ {0}
    /\ votes \in [Acceptor -> SUBSET (Slot \X Ballot \X Value)]

\* Per slot, at most one value is chosen.
Agreement == \A t, u \in QuorumVotes : t[1] = u[1] => t[3] = u[3]

\* Only submitted commands and NoOp are chosen: a chosen command is its
\* client's current request or an earlier one.  (Bounded: the earlier
\* requests are not kept, so only their seq is checked.)
Validity ==
    \A s \in ChosenSlots :
        LET v == ChosenLog[s]
        IN  v # NoOp => /\ v \in Command
                        /\ cReq[v.client] # None
                        /\ v.seq <= cReq[v.client].seq
                        /\ v.seq = cReq[v.client].seq => v = cReq[v.client]

\* Every decision a leader sent or knows and every slot a replica holds is
\* chosen.
LearnedIsChosen ==
    /\ \A m \in DOMAIN msgs : m.type = "decision" => m.val \in ChosenIn(m.slot)
    /\ \A p \in Proposer : \A s \in DOMAIN pKnown[p] : pKnown[p][s] \in ChosenIn(s)
    /\ \A r \in Replica : \A s \in DOMAIN rLog[r] : rLog[r][s] \in ChosenIn(s)

\* A replica has executed exactly the chosen slots 1 .. idx, in order, and
\* so has its snapshot.
ExecutedIsChosen ==
    LET L == ChosenLog
    IN  \A r \in Replica : /\ Prefix(L, sm[r].idx)
                           /\ sm[r] = StateAfter(L, sm[r].idx)
                           /\ Prefix(L, snap[r].idx)
                           /\ snap[r] = StateAfter(L, snap[r].idx)

\* Of two replicas, the one behind has the state the other had there.
PrefixConsistency ==
    LET L == ChosenLog
    IN  \A r1, r2 \in Replica :
            sm[r1].idx <= sm[r2].idx =>
                /\ Prefix(L, sm[r2].idx)
                /\ sm[r1] = StateAfter(L, sm[r1].idx)
                /\ sm[r2] = StateAfter(L, sm[r2].idx)

\* A result a client received (or will receive) is the result of the
\* command's first execution in the chosen log: no acknowledged command is
\* ever lost, run twice or answered with another's result.  The session of
\* the command's client records that result from the slot of the first
\* execution until the client's next command executes, so some prefix of
\* the chosen log leaves it there.
\* Bounded, yet it covers every reply ever received: a client keeps the
\* reply to its current request until it submits the next, and a reply it
\* does not keep (a copy, or one to an older request) is not an answer it
\* acts on.  So every reply a client acts on is cReply[c] in some state, or
\* in flight before, and is checked there against the chosen log of that
\* state; a chosen slot never changes (Agreement; votes only grow), so what
\* was checked then stays true.
Acknowledged ==
    {<<cReq[c], cReply[c]>> : c \in {x \in Client : cReply[x] # None}}
        \cup {<<m.cmd, m.result>> : m \in {x \in DOMAIN msgs : x.type = "reply"}}

NoAckLost ==
    LET L == ChosenLog
    IN  \A ack \in Acknowledged :
            \E i \in DOMAIN L : /\ Prefix(L, i)
                                /\ ack[1].client \in DOMAIN StateAfter(L, i).session
                                /\ StateAfter(L, i).session[ack[1].client] =
                                       [seq |-> ack[1].seq, reply |-> ack[2]]

(* Design rules: what the protocol relies on, stated so that a change that *)
(* breaks one fails here, next to the rule, and not only as a lost         *)
(* command further on.                                                     *)
\* Truncation never drops a slot some replica has not covered by its
\* snapshot: an acceptor forgets only below every replica's snapshot.
TruncatesOnlySnapshotted ==
    \A a \in Acceptor, r \in Replica : /\ low[a] <= snap[r].idx + 1
                                      /\ heard[a][r] <= snap[r].idx

\* A 2b's `low' is at most its sender's `low' (which only grows), hence at
\* most every replica's snapshot + 1: a proposer that forgets the decisions
\* below it forgets no slot a replica can still ask for.
AcceptedLowIsSnapshotted ==
    \A m \in DOMAIN msgs : m.type = "2b" => /\ m.low <= low[m.from]
                                           /\ m.low <= m.slot

\* An acceptor's durable record is its last vote per remembered slot, and
\* no vote is above its promise.
AcceptedIsLastVote ==
    \A a \in Acceptor :
        /\ \A t \in accepted[a] : /\ t \in votes[a]
                                /\ t[1] >= low[a]
                                /\ t[2] <= maxBal[a]
                                /\ \A u \in votes[a] : u[1] = t[1] => u[2] <= t[2]
        /\ \A u \in votes[a] : u[1] >= low[a] => \E t \in accepted[a] : t[1] = u[1]

\* In one ballot, one value per slot: a leader assigns each slot once.
OneValuePerBallot ==
    \A t, u \in AllVotes : t[1] = u[1] /\ t[2] = u[2] => t[3] = u[3]

\* A leader in Phase 2 holds the promises of a quorum for its ballot, and
\* every 2a it sent proposes the value chosen in a lower ballot, if any
\* (the value is safe): this is what re-proposing the reported votes buys.
LeaderHasQuorum ==
    \A p \in Proposer : pPhase[p] = "p2" =>
        \E Q \in Quorum : \A a \in Q : maxBal[a] >= pBal[p]

ProposalsAreSafe ==
    \A m \in DOMAIN msgs : m.type = "2a" =>
        \A t \in QuorumVotes : t[1] = m.slot /\ t[2] < m.bal => t[3] = m.val

\* A replica's log holds only slots above its snapshot.
LogAboveSnapshot ==
    \A r \in Replica : \A s \in DOMAIN rLog[r] : s > snap[r].idx

Inv == /\ TypeOK /\ Agreement /\ Validity /\ LearnedIsChosen
       /\ ExecutedIsChosen /\ PrefixConsistency /\ NoAckLost
       /\ TruncatesOnlySnapshotted /\ AcceptedLowIsSnapshotted
       /\ AcceptedIsLastVote /\ OneValuePerBallot
       /\ LeaderHasQuorum /\ ProposalsAreSafe /\ LogAboveSnapshot

-----------------------------------------------------------------------------
(***************************************************************************)
(* Refinement.  MultiPaxos implements ReplicatedLog: the log is the chosen *)
(* log and a replica has executed the slots up to sm[r].idx.  Per slot s,  *)
(* it implements the single-decree Consensus: the values proposed for s    *)
(* are the submitted commands and, once some acceptor voted for it there,  *)
(* NoOp (a leader proposes NoOp only to fill a gap).                       *)
(* The commands submitted so far are the clients' current requests and     *)
(* every command some acceptor voted for: a client submits its next        *)
(* request only once the last is answered, hence executed, hence chosen,   *)
(* hence voted for; and only submitted commands are voted for (Validity).  *)
(* So Submitted grows by one command per Submit and never shrinks, as the  *)
(* abstract specs' submitted and proposed do, with no history variable.   *)
(***************************************************************************)
\* The commands TLC explores, which the abstract specs' Next enumerate.
SeqCommand == [client : Client, seq : Seq, op : Op]

Submitted == {cReq[c] : c \in {x \in Client : cReq[x] # None}}
                 \cup ({t[3] : t \in AllVotes} \ {NoOp})

RL == INSTANCE ReplicatedLog WITH Command <- SeqCommand,
                                  submitted <- Submitted,
                                  log <- ChosenLog,
                                  executed <- [r \in Replica |-> sm[r].idx]

NoOpProposedAt(s) == \E t \in AllVotes : t[1] = s /\ t[3] = NoOp

CS(s) == INSTANCE Consensus WITH
             Value <- SeqCommand \cup {NoOp},
             proposed <- Submitted \cup (IF NoOpProposedAt(s) THEN {NoOp} ELSE {}),
             chosen <- ChosenIn(s)

-----------------------------------------------------------------------------
(***************************************************************************)
(* Liveness.  Multi-Paxos makes progress only once one proposer, the       *)
(* distinguished leader, stops being pre-empted.  For the leader p, its    *)
(* ballot b and a quorum Q, the assumption is                              *)
(*     [][StableLeader(p, b, Q)]_vars /\ FairLoss(p, b, Q)                 *)
(* where StableLeader restricts what may happen:                           *)
(*  - no proposer ever starts a ballot above b;                            *)
(*  - the leader does not crash while it runs b; the acceptors of Q and    *)
(*    the replicas do not crash;                                           *)
(* and FairLoss says what must happen:                                     *)
(*  - the leader eventually starts b (weak fairness);                      *)
(*  - fair-loss links: a message sent again and again is received.  Every  *)
(*    message may be lost, any number of times, so a receive action is     *)
(*    enabled only now and then; strong fairness on it says that a message *)
(*    that is in flight infinitely often is received.  This holds for the  *)
(*    leader's promises, client requests, accepts and catch-up requests    *)
(*    (in b, or in an earlier ballot of its own that it still leads), the  *)
(*    1a and 2a the leader sends to the acceptors of Q and the decisions   *)
(*    to the replicas.  The acceptors of Q share one condition: if some    *)
(*    1a or 2a of p to one of them is in flight infinitely often, one of   *)
(*    them receives one infinitely often.  Fair-loss per link implies it,  *)
(*    so progress under it is the stronger result; and TLC's cost grows as *)
(*    2^n in the n strong fairness conditions.  Replies need none:         *)
(*    EventuallyExecuted is about execution;                               *)
(*  - every retry timer eventually fires while it stays due (weak          *)
(*    fairness): the leader's Retransmit, each replica's RequestCatchUp,   *)
(*    each client's Resubmit; and each replica executes what it can.       *)
(* Nothing is assumed of the other proposers and acceptors: they may crash *)
(* or stay silent forever.  (TLC wants the [] part inside the next-state   *)
(* relation, so MCMultiPaxosLive conjoins StableLeader to it.)             *)
(*                                                                         *)
(* LeaderSteps and LeaderFairness are the same assumption over reliable    *)
(* links: no message is lost, so each receive stays enabled until it is    *)
(* taken and weak fairness suffices, and no timer is needed.               *)
(***************************************************************************)
StableLeader(p, b, Q) ==
    /\ \A q \in Proposer, c \in Ballot : c > b => ~Phase1a(q, c)
    /\ pBal[p] = b => ~ProposerCrash(p)
    /\ \A a \in Q : ~AcceptorCrash(a)
    /\ \A r \in Replica : ~ReplicaCrash(r)

LeaderSteps(p, b, Q) == StableLeader(p, b, Q) /\ \A m \in DOMAIN msgs : ~Lose(m)

\* The receive steps that must happen: of the leader p, of an acceptor a
\* of Q (from p), of a replica r and of a client c.
LeaderReceivesPromise(p) == \E m \in DOMAIN msgs : ReceivePromise(p, m)
LeaderReceivesRequest(p) == \E c \in Requests : pNext[p] \in Slot /\ Propose(p, c)
LeaderReceivesAccepted(p) ==
    \E m \in DOMAIN msgs : m.type = "2b" /\ Owner(m.bal) = p /\
        ReceiveAccepted(p, m.from, m.bal, m.slot, m.val, m.low)
AcceptorReceives1a(p, a) ==
    \E m \in DOMAIN msgs : m.type = "1a" /\ m.to = a /\ Owner(m.bal) = p /\ Phase1b(a, m.bal)
AcceptorReceives2a(p, a) ==
    \E m \in DOMAIN msgs : m.type = "2a" /\ m.to = a /\ Owner(m.bal) = p /\
        Phase2b(a, m.bal, m.slot, m.val)
ReplicaReceivesDecision(r) ==
    \E m \in DOMAIN msgs : m.type = "decision" /\ m.to = r /\ ReceiveDecision(r, m.slot, m.val)
ClientReceivesReply(c) ==
    \E m \in DOMAIN msgs : m.type = "reply" /\ m.cmd.client = c /\ ReceiveReply(c, m.cmd, m.result)
LeaderReceivesCatchUp(p, r) ==
    \E m \in DOMAIN msgs : m.type = "catchup" /\ m.to = p /\ m.from = r /\
        ReceiveCatchUp(p, r, m.slot)

\* The local steps that must happen: the leader's ballot, execution and
\* the clients' retries.
LocalSteps(p, b) ==
    /\ WF_vars(Phase1a(p, b))
    /\ \A r \in Replica : WF_vars(Execute(r))
    /\ \A c \in Client : WF_vars(Resubmit(c))

LeaderFairness(p, b, Q) ==
    /\ LocalSteps(p, b)
    /\ WF_vars(LeaderReceivesPromise(p))
    /\ WF_vars(LeaderReceivesRequest(p))
    /\ WF_vars(LeaderReceivesAccepted(p))
    /\ \A a \in Q : WF_vars(AcceptorReceives1a(p, a)) /\ WF_vars(AcceptorReceives2a(p, a))
    /\ \A r \in Replica : WF_vars(ReplicaReceivesDecision(r))
    /\ \A c \in Client : WF_vars(ClientReceivesReply(c))

FairLoss(p, b, Q) ==
    /\ LocalSteps(p, b)
    /\ SF_vars(LeaderReceivesPromise(p))
    /\ SF_vars(LeaderReceivesRequest(p))
    /\ SF_vars(LeaderReceivesAccepted(p))
    /\ SF_vars(\E a \in Q : AcceptorReceives1a(p, a) \/ AcceptorReceives2a(p, a))
    /\ \A r \in Replica : SF_vars(ReplicaReceivesDecision(r))
    /\ WF_vars(AnswersLanded(p) /\ Retransmit(p))
    /\ \A r \in Replica :
          /\ WF_vars(/\ sm[r].idx + 1 \in Slot /\ DecisionLanded(r) /\ CatchUpAnswerable(r)
                     /\ RequestCatchUp(r))
          /\ SF_vars(LeaderReceivesCatchUp(p, r))

\* Every submitted command is eventually executed by every replica: its
\* client's session there reaches its seq.
Executed(r, c, n) == c \in DOMAIN sm[r].session /\ sm[r].session[c].seq >= n

EventuallyExecuted ==
    \A c \in Client, n \in Seq :
        (cReq[c] # None /\ cReq[c].seq = n) ~> \A r \in Replica : Executed(r, c, n)
=============================================================================
