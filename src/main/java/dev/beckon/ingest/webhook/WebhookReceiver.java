package dev.beckon.ingest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.catalog.LiveSchemas;
import dev.beckon.ingest.BatchResult;
import dev.beckon.ingest.EventBatch;
import dev.beckon.ingest.Incoming;
import dev.beckon.ingest.IngestPipeline;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.platform.Sha256;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

/**
 * Receives one webhook: source, size, signature, media type and replay are checked before the body is
 * parsed or anything is written; a refusal leaves only a counter and a log line without the payload
 * ({@link WebhookRefusals}). A webhook repeating one accepted before, body and all, is a duplicate that
 * stores nothing. A verified webhook's body holds Beckon events (one, or an array), or the sender's own
 * payload that the source's mapping turns into them.
 */
@ApplicationScoped
public class WebhookReceiver {

    private static final Logger LOG = Logger.getLogger(WebhookReceiver.class);
    static final int MAX_BODY = 256 * 1024;

    /** What became of a delivery: its events' outcomes, or none when it repeats one accepted before. */
    public record Receipt(String webhookId, boolean duplicate, BatchResult result) {

        static Receipt duplicate(String webhookId) {
            return new Receipt(webhookId, true, new BatchResult(List.of()));
        }
    }

    /** How a webhook id compares with the deliveries accepted before. */
    private enum Earlier {
        NONE, SAME_BODY, OTHER_BODY
    }

    @Inject
    IngestPipeline pipeline;
    @Inject
    ObjectMapper json;
    @Inject
    LiveSchemas schemas;
    @Inject
    MeterRegistry metrics;
    @Inject
    Clock clock;
    @Inject
    WebhookConfig config;
    @Inject
    WebhookRefusals refusals;

    public Receipt receive(String sourceName, SignedRequest request) {
        Instant now = clock.instant();
        WebhookSource source = QuarkusTransaction.requiringNew().call(() -> WebhookSource.<WebhookSource>findById(sourceName));
        // The answer is the same whether the name is no source or a disabled one; the log and the counter tell them apart.
        ProblemException noSource = ProblemException.notFound("No enabled webhook source " + sourceName);
        if (source == null) {
            throw refusals.refused(WebhookRefusals.UNKNOWN, "unknown-source", "no source is named "
                    + abbreviated(sourceName.replaceAll("\\p{Cntrl}", "?")), noSource);
        }
        if (!source.enabled) {
            throw refusals.refused(sourceName, "disabled-source", "the source is disabled", noSource);
        }
        if (request.body().length > MAX_BODY) {
            throw tooLarge(sourceName);
        }
        SignatureScheme.Verified verified;
        try {
            verified = source.signatureScheme().verify(request, source.secrets, now);
        } catch (SignatureScheme.Refused e) {
            throw refused(sourceName, "signature", new ProblemException(e.status(), "Signature refused", e.getMessage(), List.of()));
        }
        WebhookBody body;
        try {
            body = WebhookBody.of(source.signatureScheme(), request);
        } catch (ProblemException e) {
            throw refused(sourceName, "media-type", e);
        }
        RawBody raw = RawBody.of(request.body());
        String webhookId = verified.webhookId() != null ? verified.webhookId() : "sha256:" + raw.sha256();
        switch (earlier(sourceName, webhookId, raw.sha256())) {
            case SAME_BODY -> {
                // The sender lost our answer and retries: a success, or it counts a failure against the endpoint.
                metrics.counter("beckon.webhooks.duplicates", "source", sourceName).increment();
                return Receipt.duplicate(webhookId);
            }
            case OTHER_BODY -> throw refused(sourceName, "replay", ProblemException.conflict(
                    "Webhook " + webhookId + " was accepted before with a different body"));
            case NONE -> {
            }
        }
        List<Incoming> events = events(source, webhookId, raw, body, now);
        BatchResult result = pipeline.process(events);
        record(sourceName, webhookId, now, "accepted", events.size(), null, raw);
        return new Receipt(webhookId, false, result);
    }

    /**
     * The refusal of a body over {@link #MAX_BODY}, counted and logged like every refusal; {@code sourceName}
     * is a source's name, or null when the body was too large to read and the source was not looked up.
     */
    public ProblemException tooLarge(String sourceName) {
        return refused(sourceName == null ? WebhookRefusals.UNKNOWN : sourceName, "too-large", new ProblemException(413, "Too large",
                "Webhook bodies are limited to " + MAX_BODY + " bytes", List.of(new FieldError("body", "is over " + MAX_BODY + " bytes"))));
    }

    /** The events a verified body holds; anything else is a 422 naming the field, and a rejected delivery in the log. */
    private List<Incoming> events(WebhookSource webhookSource, String webhookId, RawBody body, WebhookBody content, Instant now) {
        String source = webhookSource.name;
        JsonNode node = null;
        String unreadable = content.unreadable();
        if (unreadable == null) {
            try {
                node = json.readTree(content.json());
            } catch (IOException e) {
                unreadable = "is not valid JSON";
            }
        }
        if (node == null || node.isMissingNode()) {
            String why = unreadable != null ? unreadable : "is empty";
            record(source, webhookId, now, "rejected", 0, content.field() + " " + why, body);
            throw new ProblemException(422, "Not JSON", "The webhook's " + content.field() + " cannot be read as JSON; nothing was stored",
                    List.of(new FieldError(content.field(), why)));
        }
        if (webhookSource.mapping != null) {
            try {
                node = json.valueToTree(map(webhookSource, node));
            } catch (ProblemException e) {
                record(source, webhookId, now, "rejected", 0, "mapping: " + e.errors().size() + " field(s) could not be filled", body);
                throw e;
            }
        }
        EventBatch.Parsed parsed = EventBatch.parse(node, "webhook:" + source, now, clock, schemas);
        if (!parsed.errors().isEmpty() || parsed.events().isEmpty()) {
            record(source, webhookId, now, "rejected", 0, parsed.errors().size() + " invalid field(s): "
                    + abbreviated(FieldError.summary(parsed.errors())), body);
            throw new ProblemException(422, "Not Beckon events", "The webhook's events are not valid; nothing was stored",
                    parsed.errors().isEmpty() ? List.of(new FieldError("body", "holds no events")) : parsed.errors());
        }
        return parsed.events();
    }

    /** The Beckon events a source's payload maps to, or a 422 naming every field the mapping could not fill. */
    public List<ObjectNode> map(WebhookSource source, JsonNode payload) {
        PayloadMapping mapping;
        try {
            mapping = json.treeToValue(source.mapping, PayloadMapping.class);
        } catch (IOException e) {
            throw new IllegalStateException("The mapping of source " + source.name + " does not read back", e);
        }
        List<FieldError> errors = new ArrayList<>();
        var events = mapping.apply(payload, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "Mapping failed", "The payload does not fit the source's mapping", errors);
        }
        return events;
    }

    /**
     * Whether this id was accepted before, and with this body. A delivery logged before bodies were hashed
     * counts as the same: the sender's id is the idempotency key, and there is nothing to compare.
     */
    @SuppressWarnings("unchecked")
    private static Earlier earlier(String source, String webhookId, String bodyHash) {
        List<String> hashes = QuarkusTransaction.requiringNew().call(() -> WebhookSource.getEntityManager().createNativeQuery(
                        "SELECT body_sha256 FROM webhook_deliveries WHERE source = ?1 AND webhook_id = ?2 AND status = 'accepted'")
                .setParameter(1, source).setParameter(2, webhookId).getResultList());
        if (hashes.isEmpty()) {
            return Earlier.NONE;
        }
        return hashes.get(0) == null || hashes.get(0).equals(bodyHash) ? Earlier.SAME_BODY : Earlier.OTHER_BODY;
    }

    /** Records a verified delivery; its body is kept for the log unless the retention is zero (the purge forgets it later). */
    private void record(String source, String webhookId, Instant now, String status, int events, String error, RawBody body) {
        byte[] payload = config.keepsPayloads() ? body.bytes() : null;
        try {
            QuarkusTransaction.requiringNew().run(() -> WebhookSource.getEntityManager().createNativeQuery("""
                            INSERT INTO webhook_deliveries (source, webhook_id, received_at, status, events, error, payload, body_sha256)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING
                            """).unwrap(NativeQuery.class)
                    .setParameter(1, source).setParameter(2, webhookId).setParameter(3, now).setParameter(4, status)
                    .setParameter(5, events).setParameter(6, error)
                    .setParameter(7, payload, byte[].class) // typed: a null must still be bound as bytea
                    .setParameter(8, body.sha256())
                    .executeUpdate());
        } catch (PersistenceException e) {
            LOG.warnf("Could not record webhook delivery %s from %s: %s", webhookId, source, e.getMessage());
        }
    }

    /** Field names and what is wrong with them, never values: enough to tell a sender what to fix. */
    private static String abbreviated(String errors) {
        return errors.length() > 500 ? errors.substring(0, 500) + "…" : errors;
    }

    private ProblemException refused(String source, String reason, ProblemException problem) {
        return refusals.refused(source, reason, problem.getMessage(), problem);
    }

    /**
     * The body as sent, with its hash: what tells a retry from a different webhook under the same id, and the
     * id itself for senders whose headers name none (Stripe puts it in the body). Hashed once, when received.
     */
    private record RawBody(byte[] bytes, String sha256) {
        static RawBody of(byte[] bytes) {
            return new RawBody(bytes, Sha256.hex(bytes));
        }
    }
}
