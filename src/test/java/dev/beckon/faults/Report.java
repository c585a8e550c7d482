package dev.beckon.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's result: one row per invariant, with what the input said to expect, what Beckon
 * recorded, and how many were lost, duplicated or reordered. Any count above zero fails the run.
 */
final class Report {

    /** {@code reordered} is -1 where order has no meaning for the row. */
    record Row(String name, long expected, long recorded, long lost, long duplicated, long reordered, String note) {
        boolean failed() {
            return lost > 0 || duplicated > 0 || reordered > 0;
        }
    }

    private final String scenario;
    private final List<String> facts = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> evidence = new ArrayList<>();

    Report(String scenario) {
        this.scenario = scenario;
    }

    /** A line saying what the run did: how many events, which faults, how long. */
    Report fact(String fact) {
        facts.add(fact);
        return this;
    }

    /** The fault did not take effect (nothing was decided by the new rules, say): the run proves nothing and fails. */
    Report problem(String problem) {
        problems.add(problem);
        return this;
    }

    /** A line that helps explain a count (what happened to a duplicated delivery, say); it decides nothing. */
    Report evidence(String line) {
        evidence.add(line);
        return this;
    }

    Report add(Row row) {
        rows.add(row);
        return this;
    }

    String scenario() {
        return scenario;
    }

    boolean failed() {
        return rows.isEmpty() || !problems.isEmpty() || rows.stream().anyMatch(Row::failed);
    }

    long lost() {
        return rows.stream().mapToLong(Row::lost).sum();
    }

    long duplicated() {
        return rows.stream().mapToLong(Row::duplicated).sum();
    }

    long reordered() {
        return rows.stream().mapToLong(r -> Math.max(0, r.reordered())).sum();
    }

    String render() {
        StringBuilder out = new StringBuilder("\n==== fault scenario: ").append(scenario).append(" ====\n");
        facts.forEach(f -> out.append(f).append('\n'));
        out.append(String.format("%-22s %9s %9s %6s %11s %10s  %s%n", "", "expected", "recorded", "lost", "duplicated",
                "reordered", ""));
        for (Row r : rows) {
            out.append(String.format("%-22s %9d %9d %6d %11d %10s  %s%n", r.name(), r.expected(), r.recorded(), r.lost(),
                    r.duplicated(), r.reordered() < 0 ? "-" : Long.toString(r.reordered()), r.note()));
        }
        evidence.forEach(e -> out.append("  ").append(e).append('\n'));
        problems.forEach(p -> out.append("PROBLEM: ").append(p).append('\n'));
        out.append(String.format("RESULT %s: lost %d, duplicated %d, reordered %d%n", failed() ? "FAIL" : "PASS",
                lost(), duplicated(), reordered()));
        return out.toString();
    }
}
