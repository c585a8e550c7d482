package dev.beckon.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault-injection suite (issue #7), run by {@code scripts/fault-suite}: starts its own
 * PostgreSQL, RabbitMQ node and Beckon replicas, runs the named scenarios (or all) one after the
 * other, prints each one's table, and exits 1 when any scenario lost, duplicated or reordered
 * anything, 2 when a scenario could not run to its end (a deadline passed, a fault failed).
 * Usage: {@code FaultSuite all|kill9|broker|postgres|endpoint|publish|badinput[,...] [--events N] [--rate N]
 * [--replicas N] [--kills N] [--follow-up-seconds N] [--timeout-minutes N]}.
 */
public final class FaultSuite {

    static final Path HOME = Path.of("target", "faults");

    private FaultSuite() {
    }

    static Map<String, Scenario> scenarios() {
        Map<String, Scenario> all = new LinkedHashMap<>();
        for (Scenario s : List.of(new Kill9Scenario(), new BrokerScenario(), new PostgresScenario(), new EndpointScenario(),
                new PublishScenario(), new BadInputScenario())) {
            all.put(s.name(), s);
        }
        return all;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: fault-suite all|" + String.join("|", scenarios().keySet()) + "[,...] [--events N] "
                    + "[--rate N] [--replicas N] [--kills N] [--follow-up-seconds N] [--timeout-minutes N]");
            System.exit(2);
        }
        List<Scenario> chosen = choose(args[0]);
        SuiteOptions options = SuiteOptions.parse(args, 1, SuiteOptions.full());
        List<Report> reports = new ArrayList<>();
        int exit = run(chosen, options, reports);
        System.exit(exit);
    }

    static List<Scenario> choose(String names) {
        Map<String, Scenario> all = scenarios();
        if (names.equals("all")) {
            return new ArrayList<>(all.values());
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String name : names.split(",")) {
            Scenario s = all.get(name);
            if (s == null) {
                throw new IllegalArgumentException("no scenario " + name + "; there are " + all.keySet());
            }
            chosen.add(s);
        }
        return chosen;
    }

    /** Runs the scenarios on one rig; returns the exit code and fills {@code reports}. */
    static int run(List<Scenario> scenarios, SuiteOptions options, List<Report> reports) throws Exception {
        Files.createDirectories(HOME);
        Path results = HOME.resolve("results.txt");
        int exit = 0;
        try (FaultRig rig = FaultRig.start(HOME, options.replicas(), options.followUpSeconds(), options.patience())) {
            Thread cleanUp = new Thread(rig::close, "fault-suite-clean-up");
            Runtime.getRuntime().addShutdownHook(cleanUp);
            try {
                for (Scenario scenario : scenarios) {
                    String text;
                    try {
                        Report report = ScenarioRun.execute(scenario, rig, options);
                        reports.add(report);
                        text = report.render();
                        exit = Math.max(exit, report.failed() ? 1 : 0);
                    } catch (ScenarioTimeout | IllegalStateException e) {
                        text = "\n==== fault scenario: " + scenario.name() + " ====\nRESULT ERROR: " + e.getMessage() + "\n";
                        exit = 2;
                    }
                    System.out.print(text);
                    System.out.flush();
                    Files.writeString(results, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            } finally {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            }
        }
        return exit;
    }
}
