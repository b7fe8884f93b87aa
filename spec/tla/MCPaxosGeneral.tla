--------------------------- MODULE MCPaxosGeneral ---------------------------
(* Definitions that let TLC check PaxosGeneral on finite models.           *)
EXTENDS PaxosGeneral, TLC

MajorityQuorums == {Q \in SUBSET Acceptor : 2 * Cardinality(Q) > Cardinality(Acceptor)}

ASSUME V!QuorumsIntersect

\* Acceptors are interchangeable, and so are values: renaming them maps a
\* behaviour to a behaviour and preserves every property checked here.
Symmetry == Permutations(Acceptor) \cup Permutations(Value)

\* Refinement, checked as temporal properties.
RefinesVoting == V!Spec
RefinesConsensus == V!C!Spec
=============================================================================
