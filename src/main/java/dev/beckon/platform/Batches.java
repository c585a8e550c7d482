package dev.beckon.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.concurrent.Callable;

/**
 * Works through a backlog one transaction per batch, so a large backlog never becomes one long
 * transaction holding its locks: a batch that came back full means there may be more.
 */
public final class Batches {

    private Batches() {
    }

    /** Runs {@code batch} in new transactions until one handles fewer than {@code size} rows; returns the total. */
    public static int drain(int size, Callable<Integer> batch) {
        int total = 0;
        int handled;
        do {
            handled = QuarkusTransaction.requiringNew().call(batch);
            total += handled;
        } while (handled == size);
        return total;
    }
}
