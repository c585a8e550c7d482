package dev.beckon.ingest;

/**
 * Processing failed for a reason outside the messages (the database is down or unreachable).
 * Nothing was committed; the same messages must be offered again later.
 */
public class IngestUnavailableException extends RuntimeException {

    public IngestUnavailableException(Throwable cause) {
        super("Event processing is unavailable: " + cause.getMessage(), cause);
    }
}
