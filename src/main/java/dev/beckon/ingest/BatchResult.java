package dev.beckon.ingest;

import java.util.List;

/** The outcome of each message of a batch, in the order they were offered. */
public record BatchResult(List<EventOutcome> outcomes) {

    public long count(EventOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
