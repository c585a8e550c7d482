package dev.beckon.broker;

import dev.beckon.platform.Backoff;
import java.io.IOException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * A daemon thread that subscribes, works until something fails, drops its channels and
 * subscribes again after a back-off, until it is stopped. The client's automatic recovery is off
 * (see {@link Broker}), so this is how each consumer comes back after the broker or the
 * connection went away.
 */
public final class ResubscribingWorker {

    /** One step of the loop; an {@link IOException} or runtime exception means "drop the channels and start over". */
    public interface Step {
        void run() throws IOException, InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(ResubscribingWorker.class);

    private final String what;
    private final Step subscribe;
    private final Step work;
    private final Runnable abandon;
    private final Thread thread;
    private volatile boolean running;

    /**
     * @param what      what the worker does, for the log ("RabbitMQ ingestion")
     * @param subscribe declares and subscribes
     * @param work      consumes while {@link #isRunning()}; returns or throws when it must subscribe again
     * @param abandon   drops the channels and whatever was delivered on them, after a failure and at the end
     */
    public ResubscribingWorker(String threadName, String what, Step subscribe, Step work, Runnable abandon) {
        this.what = what;
        this.subscribe = subscribe;
        this.work = work;
        this.abandon = abandon;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    public void start() {
        running = true;
        thread.start();
    }

    public boolean isRunning() {
        return running;
    }

    public void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
    }

    private void run() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        try {
            while (running) {
                try {
                    subscribe.run();
                    backoff.reset();
                    work.run();
                } catch (IOException | RuntimeException e) {
                    abandon.run();
                    if (running) {
                        LOG.warnf("%s is waiting for the broker (%s); retrying in %d ms", what, e.getMessage(),
                                backoff.current().toMillis());
                        backoff.pause();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        abandon.run();
    }
}
