---- MODULE Walk ----
\* A test fixture of the model runner's soak tier, not a protocol: a height that climbs by one or falls back to 0,
\* without bound, so TLC cannot enumerate it. BelowBound fails once Bound climbs happen in a row: with a small Bound
\* that is a planted violation for a random simulation to find.
EXTENDS Naturals
CONSTANT Bound
VARIABLE height

Init == height = 0
Climb == height' = height + 1
Fall == height' = 0
Next == Climb \/ Fall
Spec == Init /\ [][Next]_height

BelowBound == height < Bound
====
