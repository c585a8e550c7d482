package dev.beckon.ingest.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Forgets the payloads of deliveries older than {@code beckon.webhooks.payload-retention}. The
 * delivery rows stay, so the log still says what each webhook became. Running it on several
 * replicas at once is harmless: it only ever sets payloads to null.
 */
@ApplicationScoped
public class WebhookPayloadPurge {

    private static final Logger LOG = Logger.getLogger(WebhookPayloadPurge.class);

    @Inject
    EntityManager entityManager;
    @Inject
    WebhookConfig config;
    @Inject
    Clock clock;

    @Scheduled(every = "${beckon.webhooks.purge-interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int purged = purge();
            if (purged > 0) {
                LOG.infof("Removed the payloads of %d webhook deliveries older than %s", purged, config.payloadRetention());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Webhook payload purge paused: %s", e.getMessage());
        }
    }

    /** Sets to null every payload received before now minus the retention; returns how many. */
    @Transactional
    public int purge() {
        return entityManager.createNativeQuery(
                        "UPDATE webhook_deliveries SET payload = NULL WHERE payload IS NOT NULL AND received_at < ?1")
                .setParameter(1, clock.instant().minus(config.payloadRetention()))
                .executeUpdate();
    }
}
