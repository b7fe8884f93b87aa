package dev.paxosref.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TlaValueDiffTest {

    @Test
    void setsShowWhatWasAddedAndRemoved() {
        assertEquals(List.of("msgs + [type |-> \"2a\", bal |-> 0, val |-> v1]", "msgs - [type |-> \"1a\", bal |-> 0]"),
                TlaValueDiff.describe("msgs", "{[type |-> \"1a\", bal |-> 0]}",
                        "{[type |-> \"2a\", bal |-> 0, val |-> v1]}"));
    }

    @Test
    void functionsShowOnlyTheChangedArguments() {
        assertEquals(List.of("maxBal[a2] = 1"),
                TlaValueDiff.describe("maxBal", "(a1 :> 0 @@ a2 :> -1)", "(a1 :> 0 @@ a2 :> 1)"));
    }

    @Test
    void bagsShowNewChangedAndDroppedArguments() {
        assertEquals(List.of("msgs[[type |-> \"1a\", to |-> a1]] = 2", "msgs[[type |-> \"2a\", to |-> a2]] = 1",
                "msgs - [type |-> \"request\", cmd |-> c1]"),
            TlaValueDiff.describe("msgs", "([type |-> \"request\", cmd |-> c1] :> 1 @@ [type |-> \"1a\", to |-> a1] :> 1)",
                "([type |-> \"1a\", to |-> a1] :> 2 @@ [type |-> \"2a\", to |-> a2] :> 1)"));
    }

    @Test
    void nestedValuesAreNotSplitInsideTheirBrackets() {
        assertEquals(List.of("s + <<1, {2, 3}>>"), TlaValueDiff.describe("s", "{<<0, {1}>>}", "{<<0, {1}>>, <<1, {2, 3}>>}"));
    }

    @Test
    void otherValuesAreShownWhole() {
        assertEquals(List.of("x = 3"), TlaValueDiff.describe("x", "2", "3"));
    }
}
