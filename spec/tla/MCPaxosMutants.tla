---------------------------- MODULE MCPaxosMutants ----------------------------
(***************************************************************************)
(* Broken variants of Paxos, one operator each.  A model in the manifest   *)
(* swaps one of these in for the real action with `Action <- Mutant' and   *)
(* expects TLC to find a violation of a named property.  Each mutant drops *)
(* one guard or rule that the safety argument needs.                       *)
(***************************************************************************)
EXTENDS MCPaxos

\* Phase1b without "b > maxBal[a]": an acceptor promises a lower ballot
\* again, forgetting the higher promise it gave.
Phase1bForgetsPromise(a, b) ==
    /\ [type |-> "1a", bal |-> b] \in msgs
    /\ maxBal' = [maxBal EXCEPT ![a] = b]
    /\ Send([type |-> "1b", acc |-> a, bal |-> b,
             mbal |-> maxVBal[a], mval |-> maxVal[a]])
    /\ UNCHANGED <<proposed, maxVBal, maxVal, proposerVars, learned>>

\* Phase2b without "b >= maxBal[a]": an acceptor votes in a ballot below one
\* it promised, which breaks the promise a later proposer relied on.
Phase2bIgnoresPromise(a, b, v) ==
    /\ [type |-> "2a", bal |-> b, val |-> v] \in msgs
    /\ maxVBal' = [maxVBal EXCEPT ![a] = b]
    /\ maxVal' = [maxVal EXCEPT ![a] = v]
    /\ Send([type |-> "2b", acc |-> a, bal |-> b, val |-> v])
    /\ UNCHANGED <<proposed, maxBal, proposerVars, learned>>

\* Phase2a that proposes any proposed value, ignoring the votes the
\* promises reported: NaivePaxos02's mistake inside Paxos.
Phase2aIgnoresVotes(p, v) ==
    /\ pPhase[p] = "p1"
    /\ \E Q \in Quorum : PromisedBy(Q, pBal[p])
    /\ v \in proposed
    /\ pPhase' = [pPhase EXCEPT ![p] = "p2"]
    /\ Send([type |-> "2a", bal |-> pBal[p], val |-> v])
    /\ UNCHANGED <<proposed, acceptorVars, pBal, learned>>

\* A learner that learns from a single 2b message instead of a quorum.
LearnFromOneVote(l, b, v) ==
    /\ \E a \in Acceptor : [type |-> "2b", acc |-> a, bal |-> b, val |-> v] \in msgs
    /\ learned' = [learned EXCEPT ![l] = v]
    /\ UNCHANGED <<proposed, acceptorVars, proposerVars, msgs>>

\* A proposer that keeps its ballot in memory only: after a crash it may
\* reuse a ballot and send a second, different 2a in it.
ProposerCrashForgetsBallot(p) ==
    /\ pPhase' = [pPhase EXCEPT ![p] = "idle"]
    /\ pBal' = [pBal EXCEPT ![p] = -1]
    /\ UNCHANGED <<proposed, acceptorVars, learned, msgs>>

\* Quorums that need not intersect: any single acceptor.
SingletonQuorums == {{a} : a \in Acceptor}
NoQuorumAssumption == TRUE
=============================================================================
