package dev.beckon.platform;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs one task on a thread of its own when asked. Requests that arrive while it runs fold into
 * one more run, so a caller never waits and a burst of requests costs one or two runs, not one each.
 * A failed run is logged and dropped: whoever asks next, or a schedule, tries again.
 */
public final class CoalescingRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CoalescingRunner.class);

    private final String name;
    private final Duration gap;
    private final Runnable task;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService worker;

    /** {@code gap}: the pause after each run, so a steady stream of requests runs the task at most that often. */
    public CoalescingRunner(String name, Duration gap, Runnable task) {
        this.name = name;
        this.gap = gap;
        this.task = task;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Asks for a run soon; returns at once. */
    public void request() {
        wanted.set(true);
        if (queued.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (wanted.getAndSet(false)) {
                task.run();
                if (!gap.isZero()) {
                    Thread.sleep(gap.toMillis());
                }
            }
        } catch (RuntimeException e) {
            LOG.debugf("%s failed; the next request or the schedule tries again: %s", name, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            queued.set(false);
            if (wanted.get() && !worker.isShutdown() && queued.compareAndSet(false, true)) {
                worker.execute(this::drain);
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
