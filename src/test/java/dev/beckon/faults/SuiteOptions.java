package dev.beckon.faults;

import java.time.Duration;

/**
 * How big a run is: events per scenario, the rate they are sent at, how many Beckon replicas, how
 * many kills in the kill9 scenario, the follow-up delay of the harness rules, each scenario's
 * deadline, and the patience for a Beckon start or a RabbitMQ stop_app/start_app (90 s), which an
 * overloaded machine can need more of.
 */
record SuiteOptions(int events, int rate, int replicas, int kills, int followUpSeconds, Duration scenarioTimeout,
                    Duration patience) {

    /** The size: 200,000 events at 1,000 a second (about 200 s of stream per scenario). */
    static SuiteOptions full() {
        return new SuiteOptions(200_000, 1_000, 1, 10, 20, Duration.ofMinutes(20), Duration.ofSeconds(90));
    }

    /** The short run CI makes after packaging. */
    static SuiteOptions ci() {
        return new SuiteOptions(2_000, 250, 1, 2, 4, Duration.ofMinutes(3), Duration.ofSeconds(90));
    }

    /** Reads {@code --events N --rate N --replicas N --kills N --follow-up-seconds N --timeout-minutes N --patience-seconds N}. */
    static SuiteOptions parse(String[] args, int from, SuiteOptions defaults) {
        SuiteOptions o = defaults;
        for (int i = from; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--events":
                    o = new SuiteOptions(value, o.rate(), o.replicas(), o.kills(), o.followUpSeconds(), o.scenarioTimeout(), o.patience());
                    break;
                case "--rate":
                    o = new SuiteOptions(o.events(), value, o.replicas(), o.kills(), o.followUpSeconds(), o.scenarioTimeout(), o.patience());
                    break;
                case "--replicas":
                    o = new SuiteOptions(o.events(), o.rate(), value, o.kills(), o.followUpSeconds(), o.scenarioTimeout(), o.patience());
                    break;
                case "--kills":
                    o = new SuiteOptions(o.events(), o.rate(), o.replicas(), value, o.followUpSeconds(), o.scenarioTimeout(), o.patience());
                    break;
                case "--follow-up-seconds":
                    o = new SuiteOptions(o.events(), o.rate(), o.replicas(), o.kills(), value, o.scenarioTimeout(), o.patience());
                    break;
                case "--timeout-minutes":
                    o = new SuiteOptions(o.events(), o.rate(), o.replicas(), o.kills(), o.followUpSeconds(),
                            Duration.ofMinutes(value), o.patience());
                    break;
                case "--patience-seconds":
                    o = new SuiteOptions(o.events(), o.rate(), o.replicas(), o.kills(), o.followUpSeconds(),
                            o.scenarioTimeout(), Duration.ofSeconds(value));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return o;
    }
}
