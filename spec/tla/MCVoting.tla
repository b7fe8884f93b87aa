------------------------------- MODULE MCVoting -------------------------------
(* Definitions that let TLC check Voting on finite models.                 *)
EXTENDS Voting, TLC

MajorityQuorums == {Q \in SUBSET Acceptor : 2 * Cardinality(Q) > Cardinality(Acceptor)}
ASSUME QuorumsIntersect

\* Renaming acceptors or values maps behaviours to behaviours.
Symmetry == Permutations(Acceptor) \cup Permutations(Value)

RefinesConsensus == C!Spec
ConsensusInv == C!Inv
=============================================================================
