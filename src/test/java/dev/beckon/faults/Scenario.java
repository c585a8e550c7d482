package dev.beckon.faults;

import java.util.List;

/** A fault the suite injects into a steady stream, and any check of its own beyond the common four. */
interface Scenario {

    String name();

    /**
     * The faults to inject during the stream. A fault that kills Beckon adds the moment of the kill
     * (epoch milliseconds) to {@code kills}, for the delivery check.
     */
    FaultSchedule faults(FaultRig rig, SuiteOptions options, String run, List<Long> kills) throws Exception;

    /** Rows of the scenario's own, read once the run settled. */
    default void check(FaultRig rig, String run, StoredState stored, Report report) throws Exception {
    }
}
