---------------------------- MODULE ReplicatedLog ----------------------------
(***************************************************************************)
(* What Multi-Paxos achieves, with no processes, messages or failures in   *)
(* sight.  Clients submit commands; the system chooses, slot by slot, an   *)
(* append-only log of commands.  A slot is chosen at most once and never   *)
(* changes; only submitted commands (or the no-op a new leader uses to     *)
(* fill a gap) are chosen.  Every replica executes the log in slot order:  *)
(* it executes slot i only once slots 1 .. i-1 are executed.               *)
(*                                                                         *)
(*  - Slots may be chosen out of order (slot 2 before slot 1); execution   *)
(*    never is.                                                            *)
(*  - A replica that crashes restarts from a snapshot of an earlier        *)
(*    prefix (Restart) and executes the same slots again; it never         *)
(*    executes anything but the chosen log.                                *)
(*  - The log is a function whose domain is the set of chosen slots, so    *)
(*    nothing here enumerates slots: slot numbers are unbounded.           *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS Command,        \* the commands clients may submit
          NoOp,           \* the command that fills a gap; not in Command
          Replica         \* the replicas that execute the log

VARIABLES submitted,      \* the commands submitted so far
          log,            \* log[s]: the command chosen for slot s
          executed        \* executed[r]: r has executed slots 1 .. executed[r]

vars == <<submitted, log, executed>>

TypeOK == /\ submitted \subseteq Command
          /\ DOMAIN log \subseteq Nat \ {0}
          /\ \A s \in DOMAIN log : log[s] \in Command \cup {NoOp}
          /\ executed \in [Replica -> Nat]

\* The log with slot s set to v.
Extend(f, s, v) == [x \in DOMAIN f \cup {s} |-> IF x = s THEN v ELSE f[x]]

Init == /\ submitted = {}
        /\ log = [s \in {} |-> NoOp]
        /\ executed = [r \in Replica |-> 0]

\* A client submits c.
Submit(c) == /\ submitted' = submitted \cup {c}
             /\ UNCHANGED <<log, executed>>

\* Slot s, not yet chosen, is decided to hold v.
Choose(s, v) == /\ s \notin DOMAIN log
                /\ v \in submitted \cup {NoOp}
                /\ log' = Extend(log, s, v)
                /\ UNCHANGED <<submitted, executed>>

\* Replica r executes the next slot, which must be chosen.
Execute(r) == /\ executed[r] + 1 \in DOMAIN log
              /\ executed' = [executed EXCEPT ![r] = @ + 1]
              /\ UNCHANGED <<submitted, log>>

\* Replica r restarts from a snapshot of its first i slots.
Restart(r, i) == /\ i <= executed[r]
                 /\ executed' = [executed EXCEPT ![r] = i]
                 /\ UNCHANGED <<submitted, log>>

(* Next quantifies over all slots, values and prefixes.  Each bound is   *)
(* written with the primed state, which fixes the only witness (the new    *)
(* slot, its value, the restart point), so the formula is equivalent to    *)
(* \E s \in Nat, v \in Command \cup {NoOp} : Choose(s, v), etc., yet TLC    *)
(* can evaluate it when it checks that a lower-level spec refines this one. *)
Next == \/ \E c \in Command : Submit(c)
        \/ \E s \in DOMAIN log' \ DOMAIN log : Choose(s, log'[s])
        \/ \E r \in Replica : \/ Execute(r)
                              \/ Restart(r, executed'[r])

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
\* A chosen slot never changes; only submitted commands are chosen.
Stability == [][\A s \in DOMAIN log : s \in DOMAIN log' /\ log'[s] = log[s]]_vars
Validity  == \A s \in DOMAIN log : log[s] \in submitted \cup {NoOp}
\* Every replica has executed a prefix of the chosen log.
ExecutedIsChosen == \A r \in Replica : \A i \in 1 .. executed[r] : i \in DOMAIN log
=============================================================================
