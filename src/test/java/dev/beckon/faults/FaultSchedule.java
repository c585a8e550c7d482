package dev.beckon.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The faults of a scenario, each at a point of the stream (a fraction of the events sent), run on
 * a thread of their own so the stream goes on while a fault is in effect.
 */
final class FaultSchedule implements Runnable {

    /** What a fault does; may take a while (a restart waits until Beckon is healthy again). */
    interface Fault {
        void inject() throws Exception;
    }

    /** {@code holds}: the stream goes no further than this step's point until the step is done. */
    private record Step(double at, String name, Fault fault, boolean holds) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<String> done = new ArrayList<>();
    private IntSupplier sent;
    private int total;
    private volatile Exception failure;
    private volatile boolean finished;
    private volatile int completed;

    FaultSchedule at(double fraction, String name, Fault fault) {
        steps.add(new Step(fraction, name, fault, false));
        return this;
    }

    /** A step the stream waits for at its point: what follows it must see the fault done (a publish, say). */
    FaultSchedule holdingAt(double fraction, String name, Fault fault) {
        steps.add(new Step(fraction, name, fault, true));
        return this;
    }

    /** True while the {@code sent}-th event is past the point of a holding step not done yet. */
    boolean holds(int sent, int total) {
        for (int k = completed; k < steps.size(); k++) {
            Step step = steps.get(k);
            if (step.holds() && sent > step.at() * total) {
                return true;
            }
        }
        return false;
    }

    /** Runs the faults in order as {@code sent} passes their points, on a thread of its own. */
    Thread startOn(IntSupplier sent, int total) {
        this.sent = sent;
        this.total = total;
        Thread thread = new Thread(this, "fault-injector");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try {
            for (Step step : steps) {
                while (sent.getAsInt() < step.at() * total) {
                    Thread.sleep(20);
                }
                long started = System.currentTimeMillis();
                step.fault().inject();
                completed++;
                synchronized (done) {
                    done.add(String.format("%s at %.0f%% (%d ms)", step.name(), 100 * step.at(),
                            System.currentTimeMillis() - started));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
        } finally {
            finished = true;
            completed = steps.size();
        }
    }

    /** True once every fault was injected (or one failed). */
    boolean finished() {
        return finished;
    }

    /** The point of the stream (a fraction of its events) where the last fault starts. */
    double lastPoint() {
        return steps.stream().mapToDouble(Step::at).max().orElse(0);
    }

    /** The faults injected, with how long each took, for the report. */
    List<String> done() {
        synchronized (done) {
            return List.copyOf(done);
        }
    }

    /** Fails the scenario when a fault could not be injected (a broker that would not stop, say). */
    void rethrow() throws Exception {
        if (failure != null) {
            throw failure;
        }
    }
}
