package dev.paxosref.core.rsm;

/** The answer to one client request; duplicates of the request get the same reply from the session table. */
public record Reply(String clientId, long seq, String result) {
}
