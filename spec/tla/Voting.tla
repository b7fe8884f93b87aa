-------------------------------- MODULE Voting --------------------------------
(***************************************************************************)
(* Acceptors vote in numbered ballots.  A value is chosen when a quorum of *)
(* acceptors votes for it in one ballot.  Two rules keep Consensus safe:   *)
(*  - in a ballot, all acceptors vote for the same value;                  *)
(*  - an acceptor votes for v in ballot b only if v is safe at b: no other *)
(*    value has been or can still be chosen in a ballot below b.           *)
(* An acceptor that promised ballot b (maxBal) never votes below b; that   *)
(* promise is what lets a later ballot know that a lower one is dead.      *)
(* This is a specification of the voting algorithm, not of messages: every *)
(* action reads the global state.  Paxos implements it with messages.      *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS Value,          \* the values clients may propose
          Acceptor,       \* the acceptors
          Quorum,         \* a set of sets of acceptors
          Ballot          \* the ballots, a set of naturals (bounded for TLC)

\* Every two quorums intersect: the fact all of Paxos's safety rests on.
QuorumsIntersect == /\ \A Q \in Quorum : Q \subseteq Acceptor
                    /\ \A Q1, Q2 \in Quorum : Q1 \cap Q2 # {}

VARIABLES proposed,       \* the values proposed so far
          votes,          \* votes[a]: set of <<ballot, value>> a voted for
          maxBal          \* maxBal[a]: a will never vote below this ballot

vars == <<proposed, votes, maxBal>>

TypeOK == /\ proposed \subseteq Value
          /\ votes \in [Acceptor -> SUBSET (Ballot \X Value)]
          /\ maxBal \in [Acceptor -> Ballot \cup {-1}]

VotedFor(a, b, v) == <<b, v>> \in votes[a]

ChosenAt(b, v) == \E Q \in Quorum : \A a \in Q : VotedFor(a, b, v)

\* Ranges over the votes cast, not over Ballot, so that it stays defined
\* when ballots are unbounded (as in trace checking).
chosen == {v \in Value : \E a \in Acceptor :
                          \E vote \in votes[a] : vote[2] = v /\ ChosenAt(vote[1], v)}

DidNotVoteAt(a, b) == \A v \in Value : ~VotedFor(a, b, v)

\* a has promised not to vote in b and has not voted there.
CannotVoteAt(a, b) == maxBal[a] > b /\ DidNotVoteAt(a, b)

\* No value other than v has been or can ever be chosen in ballot b.
NoneOtherChoosableAt(b, v) ==
    \E Q \in Quorum : \A a \in Q : VotedFor(a, b, v) \/ CannotVoteAt(a, b)

\* No value other than v has been or can ever be chosen in any ballot below b.
SafeAt(b, v) == \A c \in 0..(b - 1) : NoneOtherChoosableAt(c, v)

-----------------------------------------------------------------------------
Init == /\ proposed = {}
        /\ votes = [a \in Acceptor |-> {}]
        /\ maxBal = [a \in Acceptor |-> -1]

Propose(v) == /\ proposed' = proposed \cup {v}
              /\ UNCHANGED <<votes, maxBal>>

\* a promises never to vote below b.
IncreaseMaxBal(a, b) == /\ b > maxBal[a]
                        /\ maxBal' = [maxBal EXCEPT ![a] = b]
                        /\ UNCHANGED <<proposed, votes>>

VoteFor(a, b, v) ==
    /\ maxBal[a] <= b
    /\ DidNotVoteAt(a, b)
    /\ \A c \in Acceptor \ {a} : \A w \in Value : VotedFor(c, b, w) => w = v
    /\ SafeAt(b, v)
    /\ v \in proposed
    /\ votes' = [votes EXCEPT ![a] = @ \cup {<<b, v>>}]
    /\ maxBal' = [maxBal EXCEPT ![a] = b]
    /\ UNCHANGED proposed

Next == \/ \E v \in Value : Propose(v)
        \/ \E a \in Acceptor, b \in Ballot :
              \/ IncreaseMaxBal(a, b)
              \/ \E v \in Value : VoteFor(a, b, v)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
\* An inductive invariant: Inv /\ [Next]_vars => Inv'.
VotesSafe == \A a \in Acceptor, b \in Ballot, v \in Value :
                 VotedFor(a, b, v) => SafeAt(b, v) /\ v \in proposed

OneValuePerBallot == \A a1, a2 \in Acceptor, b \in Ballot, v1, v2 \in Value :
                         VotedFor(a1, b, v1) /\ VotedFor(a2, b, v2) => v1 = v2

VotesBelowPromise == \A a \in Acceptor : \A vote \in votes[a] : vote[1] <= maxBal[a]

Inv == TypeOK /\ VotesSafe /\ OneValuePerBallot /\ VotesBelowPromise

\* Voting implements Consensus.
C == INSTANCE Consensus
=============================================================================
