----------------------------- MODULE MCConsensus -----------------------------
(* Definitions that let TLC check Consensus on finite models.              *)
EXTENDS Consensus, TLC

Symmetry == Permutations(Value)
=============================================================================
