package dev.beckon.ingest.webhook;

import dev.beckon.platform.LogThrottle;
import dev.beckon.platform.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * What a refused webhook leaves behind: a count in {@code beckon.webhooks.refused} for every one, and a log line
 * for the first of each source and reason in a minute, which says how many more the minute before it held.
 * Anyone who knows the URL can send refusals, thousands a second: the log stays readable and the counter
 * carries the volume. Names that are no source share one series, {@value #UNKNOWN}, so made-up names do
 * not each make a series (or a rate limit) of their own.
 */
@ApplicationScoped
public class WebhookRefusals {

    private static final Logger LOG = Logger.getLogger(WebhookRefusals.class);
    static final String UNKNOWN = "(unknown)";
    static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    private final LogThrottle throttle = new LogThrottle(LOG_INTERVAL);

    @Inject
    MeterRegistry metrics;
    @Inject
    Clock clock;

    /**
     * Counts a refusal and logs it unless this source and reason were logged less than a minute ago.
     *
     * @param source the source's name when it exists, else {@value #UNKNOWN}
     * @param why    what happened, for operators: it may say more than the answer does, never a secret or payload
     * @return the problem to answer with
     */
    ProblemException refused(String source, String reason, String why, ProblemException problem) {
        metrics.counter("beckon.webhooks.refused", "source", source, "reason", reason).increment();
        long unloggedBefore = throttle.letThrough(source + " " + reason, clock.instant());
        if (unloggedBefore == 0) {
            LOG.infof("Refused a webhook for source %s (%s): %s", source, reason, why);
        } else if (unloggedBefore > 0) {
            LOG.infof("Refused a webhook for source %s (%s): %s; %d more were refused for this since the last line "
                    + "(each is counted in beckon_webhooks_refused_total)", source, reason, why, unloggedBefore);
        }
        return problem;
    }
}
