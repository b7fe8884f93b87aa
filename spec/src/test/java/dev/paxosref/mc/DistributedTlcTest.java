package dev.paxosref.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** TLC's distributed mode, a server and two workers on loopback, explores exactly the states one JVM does. */
class DistributedTlcTest {

    @Test
    void twoWorkersOnLoopbackFindTheSameStatesAsOneJvm() {
        SpecHome home = SpecHome.locate();
        // Distributed mode cannot check coverage witnesses (WitnessCoverageTest), only the state space.
        Model voting = ModelManifest.load(home).select(List.of("Voting"), false).get(0).withoutWitnesses();
        ModelCheckResult result = new DistributedTlc(home).check(voting, 2);
        assertInstanceOf(Verdict.Pass.class, result.verdict(), () -> result.verdict().toString());
        assertEquals(voting.distinctStates(), result.distinctStates());
    }
}
