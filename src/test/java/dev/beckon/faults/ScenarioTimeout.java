package dev.beckon.faults;

/** A scenario ran past its deadline: the run fails with what it was doing, instead of hanging. */
final class ScenarioTimeout extends RuntimeException {

    ScenarioTimeout(String doing) {
        super("the scenario's deadline passed while " + doing);
    }
}
