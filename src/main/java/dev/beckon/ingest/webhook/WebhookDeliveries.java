package dev.beckon.ingest.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The delivery log: what each source's verified webhooks became, and their payloads while they are kept. */
@ApplicationScoped
public class WebhookDeliveries {

    /** A verified delivery as the log shows it; {@code payloadKept} says whether its body can still be read. */
    public record Delivery(long id, String webhookId, Instant receivedAt, String status, int events, String error,
                           boolean payloadKept) {
    }

    /** A delivery with the body the sender signed. */
    public record WithPayload(Delivery delivery, byte[] payload) {
    }

    /** A source's deliveries in a period, by outcome. */
    public record Counts(long accepted, long rejected) {
        public static final Counts NONE = new Counts(0, 0);
    }

    private static final String COLUMNS = "id, webhook_id, received_at, status, events, error, payload IS NOT NULL";

    @Inject
    EntityManager entityManager;

    /** The latest deliveries of a source, newest first. */
    @Transactional
    public List<Delivery> latest(String source, int limit) {
        return rows("NULL", "WHERE source = ?1 ORDER BY received_at DESC, id DESC LIMIT ?2", source, limit).stream()
                .map(WithPayload::delivery).toList();
    }

    /** One delivery of a source with its payload, null once the payload has been purged or was never kept. */
    @Transactional
    public Optional<WithPayload> withPayload(String source, long id) {
        return rows("payload", "WHERE source = ?1 AND id = ?2", source, id).stream().findFirst();
    }

    /** Deliveries received since {@code since}, per source; sources without any are absent. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<String, Counts> countsSince(Instant since) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT source, count(*) FILTER (WHERE status = 'accepted'), count(*) FILTER (WHERE status = 'rejected')
                        FROM webhook_deliveries WHERE received_at >= ?1 GROUP BY source
                        """)
                .setParameter(1, since).getResultList();
        Map<String, Counts> counts = new HashMap<>();
        rows.forEach(r -> counts.put((String) r[0], new Counts(((Number) r[1]).longValue(), ((Number) r[2]).longValue())));
        return counts;
    }

    /** Rows of the log; {@code payload} is the column to read it from, or NULL for a list that does not show it (up to 256 KB each). */
    @SuppressWarnings("unchecked")
    private List<WithPayload> rows(String payload, String where, String source, long value) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + COLUMNS + ", " + payload + " FROM webhook_deliveries " + where)
                .setParameter(1, source).setParameter(2, value).getResultList();
        return rows.stream().map(r -> new WithPayload(new Delivery(((Number) r[0]).longValue(), (String) r[1],
                r[2] instanceof Instant at ? at : ((Timestamp) r[2]).toInstant(), (String) r[3],
                ((Number) r[4]).intValue(), (String) r[5], (Boolean) r[6]), (byte[]) r[7])).toList();
    }
}
