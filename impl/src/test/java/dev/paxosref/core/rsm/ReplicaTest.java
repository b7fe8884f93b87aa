package dev.paxosref.core.rsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ReplicaTest {
    @Test
    void counterAndMapAnswerAsSpecified() {
        Replica replica = new Replica(new CounterKvStore());
        List<Reply> replies = replica.applyAll(List.of(
            new ClientRequest("c1", 1, new Command.Increment()),
            new ClientRequest("c1", 2, new Command.Increment()),
            new ClientRequest("c2", 1, new Command.CounterGet()),
            new ClientRequest("c2", 2, new Command.Get("k")),
            new ClientRequest("c2", 3, new Command.Cas("k", "nil", "a")),
            new ClientRequest("c2", 4, new Command.Cas("k", "nil", "b")),
            new ClientRequest("c3", 1, new Command.Put("k", "c")),
            new ClientRequest("c3", 2, new Command.Get("k"))));
        assertEquals(List.of("1", "2", "2", "nil", "true", "false", "ok", "c"),
            replies.stream().map(Reply::result).toList());
        assertEquals(8, replica.appliedCount());
    }

    @Test
    void aRetriedRequestIsAnsweredFromTheSessionTableNotExecutedAgain() {
        Replica replica = new Replica(new CounterKvStore());
        ClientRequest increment = new ClientRequest("c1", 1, new Command.Increment());
        Reply first = replica.apply(increment);
        assertEquals(first, replica.apply(increment));
        assertEquals("1", replica.apply(new ClientRequest("c2", 1, new Command.CounterGet())).result(),
            "the counter moved once");
        assertEquals("2", replica.apply(new ClientRequest("c1", 2, new Command.Increment())).result());
    }

    @Provide
    Arbitrary<ClientRequest> requests() {
        Arbitrary<String> words = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5);
        Arbitrary<Command> commands = Arbitraries.oneOf(
            Arbitraries.just(new Command.Increment()),
            Arbitraries.just(new Command.CounterGet()),
            words.map(Command.Get::new),
            net.jqwik.api.Combinators.combine(words, words).as(Command.Put::new),
            net.jqwik.api.Combinators.combine(words, words, words).as(Command.Cas::new));
        return net.jqwik.api.Combinators.combine(words, Arbitraries.longs().between(1, 1_000), commands)
            .as(ClientRequest::new);
    }

    @Property
    void theCodecRoundTrips(@ForAll("requests") ClientRequest request) {
        assertEquals(request, CommandCodec.decode(CommandCodec.encode(request)));
    }

    @Test
    void theCodecNamesWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> CommandCodec.decode("c1|x|incr"));
        assertEquals("value 'c1|x|incr': field 2 (seq) is not a number", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CommandCodec.decode("c1|1|put|k"));
        assertThrows(IllegalArgumentException.class, () -> CommandCodec.decode("c1|1|jump"));
        assertThrows(IllegalArgumentException.class,
            () -> CommandCodec.encode(new ClientRequest("c1", 1, new Command.Put("a|b", "v"))));
    }
}
