package dev.beckon.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.platform.CoalescingRunner;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Sends webhook and email deliveries. A round claims what is due (a lease, not a lock), starts
 * every send without waiting for it, and hands each outcome to the {@link OutcomeRecorder} when it
 * arrives. The claim's lease is renewed until the outcome is written ({@link DeliveryLeases}).
 * Each target gets at most {@code per-target-concurrency} requests at once from this
 * replica, so an endpoint that hangs holds only its own deliveries, never another endpoint's, and
 * never ingestion, which shares nothing with this.
 * <p>
 * Rounds come on the schedule, after a batch decided something, and whenever a send finishes: a
 * target with a backlog gets its next request as soon as one of its slots frees, not a poll
 * interval later. Rounds run one at a time (a second round would count the same free slots), and
 * requests for a round while one runs fold into a single next one.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    static final List<String> CHANNELS = List.of(PlannedDelivery.WEBHOOK, PlannedDelivery.EMAIL);
    static final int CLAIM_LIMIT = 200;
    /**
     * Rounds that answers ask for come at most this often: a busy endpoint's answers then share a
     * round (and its transaction) instead of each starting one, which kept the database busy with
     * claims of one delivery each.
     */
    static final long ROUND_GAP_MILLIS = 10;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    DeliveryStore store;
    @Inject
    DeliveryConfig config;
    @Inject
    WebhookSender webhooks;
    @Inject
    EmailSender emails;
    @Inject
    MessageRenderer renderer;
    @Inject
    OutcomeRecorder outcomes;
    @Inject
    DeliveryLeases leases;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /**
     * Per channel, the requests this replica has started and not yet recorded, by target. A target
     * leaves the map when its last one is recorded, so the map holds only what is in flight (email
     * targets are addresses: one entry per address ever mailed would grow without end).
     */
    private final Map<String, Map<String, Integer>> inFlight = new ConcurrentHashMap<>();
    private final ReentrantLock rounds = new ReentrantLock();
    /** Per channel, the last target a full round reached: the next round starts after it, round-robin. */
    private final Map<String, String> cursors = new ConcurrentHashMap<>();
    private final CoalescingRunner requestedRounds =
            new CoalescingRunner("beckon-delivery-dispatch", Duration.ofMillis(ROUND_GAP_MILLIS), this::dispatchDue);

    /** What one claim brought: the jobs, and what sending them needs from the database. */
    private record Claim(Map<String, List<DeliveryJob>> jobs, Map<String, WebhookEndpoint> endpoints,
                         Map<String, MessageTemplate> templates) {
    }

    @Scheduled(every = "${beckon.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            LOG.warnf("Delivery dispatch paused: %s", e.getMessage());
        }
    }

    /** Asks for a round soon, on the dispatcher's own thread; requests made while one runs fold into one more. */
    public void requestRound() {
        requestedRounds.request();
    }

    /** Claims the due deliveries and starts sending them; returns how many were started. */
    public int dispatchDue() {
        rounds.lock();
        try {
            Instant now = clock.instant();
            Instant leaseUntil = now.plus(config.lease()).truncatedTo(ChronoUnit.MICROS);
            Map<String, String> after = new HashMap<>();
            CHANNELS.forEach(channel -> after.put(channel, cursors.getOrDefault(channel, "")));
            Claim claim = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    Map<String, List<DeliveryJob>> jobs = new HashMap<>();
                    Map<String, WebhookEndpoint> endpoints = new HashMap<>();
                    Map<String, MessageTemplate> templates = new HashMap<>();
                    for (String channel : CHANNELS) {
                        List<DeliveryJob> claimed = store.claim(connection, channel, after.get(channel), Map.copyOf(lanes(channel)),
                                config.perTargetConcurrency(), CLAIM_LIMIT, now, leaseUntil);
                        jobs.put(channel, claimed);
                        for (DeliveryJob job : claimed) {
                            if (channel.equals(PlannedDelivery.WEBHOOK)) {
                                endpoints.computeIfAbsent(job.target(), name -> WebhookEndpoint.findById(name));
                            } else {
                                templates.computeIfAbsent(campaignOf(job), MessageTemplate::forCampaign);
                            }
                        }
                    }
                    return new Claim(jobs, endpoints, templates);
                }
            });
            List<DeliveryJob> claimed = claim.jobs().values().stream().flatMap(List::stream).toList();
            claimed.forEach(leases::hold);
            Predicate<DeliveryJob> stillOurs = stillOurs(claimed, now);
            int started = 0;
            for (String channel : CHANNELS) {
                List<DeliveryJob> jobs = claim.jobs().get(channel);
                moveCursor(channel, after.get(channel), jobs);
                for (DeliveryJob job : jobs) {
                    if (stillOurs.test(job)) {
                        start(job, claim);
                        started++;
                    }
                }
            }
            return started;
        } finally {
            rounds.unlock();
        }
    }

    /**
     * Which of the claimed jobs may be sent. A claim that returned within a third of its lease
     * leaves plenty of it: all of them. One that took longer (its commit stalled on a busy
     * database, or the process was paused) may return with its lease nearly or wholly over, and
     * another replica could then claim and send the same deliveries a moment after this one does:
     * the fault suite saw exactly that with three replicas. Those leases are renewed first, and only
     * the jobs still this replica's are sent; the rest belong to whoever claimed them since.
     */
    private Predicate<DeliveryJob> stillOurs(List<DeliveryJob> claimed, Instant claimedAt) {
        Duration took = Duration.between(claimedAt, clock.instant());
        if (took.compareTo(config.lease().dividedBy(3)) < 0 || claimed.isEmpty()) {
            return job -> true;
        }
        Set<Long> renewed = leases.renewBeforeSending(claimed);
        // Worth a warning even when every lease was renewed: a claim this slow means a database (or process) in trouble.
        LOG.warnf("A delivery claim took %d ms, past a third of its lease: %d of its %d deliveries renewed and sent, "
                + "the others left to be claimed again (another replica has them, or renewal failed)", took.toMillis(),
                renewed.size(), claimed.size());
        return job -> renewed.contains(job.id());
    }

    /** What this replica is still sending on {@code channel}, by target. */
    private Map<String, Integer> lanes(String channel) {
        return inFlight.computeIfAbsent(channel, key -> new ConcurrentHashMap<>());
    }

    private void moveCursor(String channel, String after, List<DeliveryJob> jobs) {
        if (jobs.size() == CLAIM_LIMIT) {
            // More may be due past the last target this round reached: go on from there at once.
            cursors.put(channel, jobs.stream().map(DeliveryJob::target).max(String::compareTo).orElseThrow());
            requestRound();
        } else if (!after.isEmpty()) {
            // This round went from the cursor to the end; the targets before it come next.
            cursors.remove(channel);
            requestRound();
        }
    }

    /** Deliveries this replica has started and not yet recorded. */
    public int inFlight() {
        return inFlight.values().stream().flatMap(lanes -> lanes.values().stream()).mapToInt(Integer::intValue).sum();
    }

    private void start(DeliveryJob job, Claim claim) {
        Map<String, Integer> lanes = lanes(job.channel());
        lanes.merge(job.target(), 1, Integer::sum);
        CompletableFuture<AttemptResult> attempt;
        try {
            attempt = job.channel().equals(PlannedDelivery.WEBHOOK)
                    ? sendWebhook(job, claim.endpoints().get(job.target()))
                    : sendEmail(job, claim.templates().get(campaignOf(job)));
        } catch (RuntimeException e) {
            attempt = CompletableFuture.completedFuture(AttemptResult.failed(clock.instant(), 0, null, e.toString()));
        }
        attempt.exceptionally(e -> AttemptResult.failed(clock.instant(), 0, null, e.toString()))
                .thenCompose(result -> record(job, result))
                .whenComplete((ignored, failure) -> {
                    leases.release(job);
                    lanes.computeIfPresent(job.target(), (target, count) -> count == 1 ? null : count - 1);
                    if (failure != null) {
                        // The lease runs out and the delivery is tried again: at worst a repeat with the same webhook-id.
                        LOG.warnf("Could not record the outcome of delivery %d: %s", job.id(), failure.getMessage());
                    }
                    // The target has a free slot: its next due delivery need not wait for the schedule.
                    requestRound();
                });
    }

    private CompletableFuture<AttemptResult> sendWebhook(DeliveryJob job, WebhookEndpoint endpoint) {
        if (endpoint == null) {
            return CompletableFuture.completedFuture(
                    AttemptResult.hopeless(clock.instant(), "the endpoint " + job.target() + " no longer exists"));
        }
        if (!endpoint.enabled) {
            return failedNow("the endpoint " + job.target() + " is disabled");
        }
        return webhooks.send(job, endpoint);
    }

    private CompletableFuture<AttemptResult> sendEmail(DeliveryJob job, MessageTemplate template) {
        if (template == null) {
            return failedNow("no message template for the campaign, and no default template");
        }
        RenderedEmail email;
        try {
            email = renderer.render(template, json.readTree(job.payload()), job.target());
        } catch (MessageRenderer.TemplateProblem | JsonProcessingException e) {
            return failedNow("the message template did not render: " + e.getMessage());
        }
        return emails.send(job, email);
    }

    private CompletableFuture<AttemptResult> failedNow(String error) {
        return CompletableFuture.completedFuture(AttemptResult.failed(clock.instant(), 0, null, error));
    }

    private CompletableFuture<Boolean> record(DeliveryJob job, AttemptResult result) {
        Instant next = result.succeeded() || result.permanent() ? null
                : RetryPolicy.of(config).nextAttempt(job.attempt(), job.retrySince(), clock.instant());
        return outcomes.record(new OutcomeRecorder.Outcome(job, result, next));
    }

    private String campaignOf(DeliveryJob job) {
        try {
            JsonNode campaign = json.readTree(job.payload()).path("campaign");
            return campaign.isTextual() ? campaign.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @PreDestroy
    void close() {
        requestedRounds.close();
    }
}
