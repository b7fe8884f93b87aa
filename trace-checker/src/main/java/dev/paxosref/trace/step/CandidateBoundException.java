package dev.paxosref.trace.step;

/** The log leaves too much open: more candidate states than the configured bound. The verdict is "undecided". */
final class CandidateBoundException extends RuntimeException {
    CandidateBoundException(String message) {
        super(message);
    }
}
