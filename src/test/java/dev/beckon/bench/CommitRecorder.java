package dev.beckon.bench;

import dev.beckon.ingest.BatchCommitted;
import dev.beckon.ingest.EventOutcome;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Notes when each benchmark event was published and when Beckon committed what it caused. */
@Singleton
public class CommitRecorder {

    private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
    private final Queue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger committed = new AtomicInteger();
    private volatile long lastCommit;

    void published(String id, long nanos) {
        publishedAt.put(id, nanos);
    }

    void onCommit(@Observes BatchCommitted batch) {
        long now = System.nanoTime();
        for (EventOutcome outcome : batch.outcomes()) {
            if (outcome.id() != null) {
                committedAt(outcome.id(), now);
            }
        }
    }

    /** The event {@code id} was committed at {@code nanos}; ignored unless it was published since the last reset. */
    void committedAt(String id, long nanos) {
        Long published = publishedAt.remove(id);
        if (published != null) {
            latencies.add(nanos - published);
            committed.incrementAndGet();
            lastCommit = nanos;
        }
    }

    void reset() {
        publishedAt.clear();
        latencies.clear();
        committed.set(0);
        lastCommit = 0;
    }

    int committed() {
        return committed.get();
    }

    long lastCommit() {
        return lastCommit;
    }

    long[] latenciesSorted() {
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
