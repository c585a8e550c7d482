package dev.beckon.ingest;

import java.time.Instant;
import java.util.List;

/**
 * Fired (as a CDI event) right after a batch's transaction commits, with the outcome of each of
 * its messages. Observers run on the ingest thread, so they must be quick.
 */
public record BatchCommitted(List<Incoming> messages, List<EventOutcome> outcomes, Instant committedAt) {
}
