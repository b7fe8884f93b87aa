package dev.paxosref.core.rsm;

/** A command stamped with the client that sent it and that client's sequence number, for exactly-once execution. */
public record ClientRequest(String clientId, long seq, Command command) {
    public ClientRequest {
        if (clientId.isEmpty() || clientId.contains(CommandCodec.SEPARATOR) || seq <= 0) {
            throw new IllegalArgumentException("client id must be non-empty without '" + CommandCodec.SEPARATOR
                + "' and seq positive: " + clientId + " " + seq);
        }
    }
}
