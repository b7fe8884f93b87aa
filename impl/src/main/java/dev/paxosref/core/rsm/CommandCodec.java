package dev.paxosref.core.rsm;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Paxos values are strings; a client request travels as "client|seq|op|args...", e.g. "c1|3|cas|k|nil|v", and a
 * reconfiguration as "admin|1|config|a2,a3,a4".
 * Fields may not contain the separator, which requests check on construction and the encoder rechecks.
 */
public final class CommandCodec {
    public static final String SEPARATOR = "|";
    /** Between the members of a reconfiguration, e.g. "admin|1|config|a2,a3,a4". */
    public static final String MEMBER_SEPARATOR = ",";

    private CommandCodec() {
    }

    public static String encode(ClientRequest request) {
        List<String> fields = new ArrayList<>(List.of(request.clientId(), Long.toString(request.seq())));
        fields.addAll(encodedOp(request.command()));
        for (String field : fields) {
            if (field.contains(SEPARATOR)) {
                throw new IllegalArgumentException("field '" + field + "' contains '" + SEPARATOR + "'");
            }
        }
        return String.join(SEPARATOR, fields);
    }

    /**
     * The spec's operation tuple: "incr", or "cas", key, expected, update, all strings; a reconfiguration's is
     * "config" and its members (the spec's set C, sorted), as in MultiPaxosReconfig.tla's {@code <<"config", C>>}.
     */
    public static List<Object> opFields(Command command) {
        return command instanceof Command.Reconfig reconfig
                ? List.of("config", List.copyOf(reconfig.members()))
                : List.copyOf(encodedOp(command));
    }

    /** The operation's fields as a value encodes them: a reconfiguration's members joined by MEMBER_SEPARATOR. */
    private static List<String> encodedOp(Command command) {
        if (command instanceof Command.Increment) {
            return List.of("incr");
        }
        if (command instanceof Command.CounterGet) {
            return List.of("count");
        }
        if (command instanceof Command.Put put) {
            return List.of("put", put.key(), put.value());
        }
        if (command instanceof Command.Get get) {
            return List.of("get", get.key());
        }
        if (command instanceof Command.Reconfig reconfig) {
            return List.of("config", String.join(MEMBER_SEPARATOR, reconfig.members()));
        }
        Command.Cas cas = (Command.Cas) command;
        return List.of("cas", cas.key(), cas.expected(), cas.update());
    }

    /** Whether a Multi-Paxos value is an encoded request (NoOp is not): no field contains the separator. */
    public static boolean isEncoded(String value) {
        return value.contains(SEPARATOR);
    }

    /** Decodes a value; a malformed one is an error naming the field that is wrong. */
    public static ClientRequest decode(String value) {
        String[] f = value.split("\\" + SEPARATOR, -1);
        if (f.length < 3) {
            throw new IllegalArgumentException("value '" + value + "': expected client|seq|op, got " + f.length + " fields");
        }
        long seq;
        try {
            seq = Long.parseLong(f[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("value '" + value + "': field 2 (seq) is not a number", e);
        }
        return new ClientRequest(f[0], seq, decodeOp(value, f));
    }

    private static Command decodeOp(String value, String[] f) {
        int argsExpected = switch (f[2]) {
            case "incr", "count" -> 0;
            case "get", "config" -> 1;
            case "put" -> 2;
            case "cas" -> 3;
            default -> throw new IllegalArgumentException("value '" + value + "': field 3 has unknown op " + f[2]);
        };
        if (f.length != 3 + argsExpected) {
            throw new IllegalArgumentException("value '" + value + "': op " + f[2] + " takes " + argsExpected + " args");
        }
        return switch (f[2]) {
            case "incr" -> new Command.Increment();
            case "count" -> new Command.CounterGet();
            case "get" -> new Command.Get(f[3]);
            case "put" -> new Command.Put(f[3], f[4]);
            case "config" -> new Command.Reconfig(new TreeSet<>(List.of(f[3].split(MEMBER_SEPARATOR, -1))));
            default -> new Command.Cas(f[3], f[4], f[5]);
        };
    }
}
