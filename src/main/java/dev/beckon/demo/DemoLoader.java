package dev.beckon.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.audit.AuditLog;
import dev.beckon.campaign.Campaign;
import dev.beckon.campaign.Campaigns;
import dev.beckon.catalog.LiveSchemas;
import dev.beckon.decision.FollowUpPoller;
import dev.beckon.delivery.DeliveryPlanner;
import dev.beckon.ingest.EventBatch;
import dev.beckon.ingest.EventOutcome;
import dev.beckon.ingest.IngestPipeline;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fills a new installation with a demo shop's past four weeks, through the real pipeline: the
 * starter rules decide on every event, follow-ups fire, the policy judges each message, and then
 * customers order, more often when a campaign reached them than when they were held out, so the
 * campaign reports have a real, known uplift to find. Escalations from bad feedback and odd
 * payments fill the inbox. Loading it twice adds nothing: the events keep their ids.
 */
@ApplicationScoped
public class DemoLoader {

    private static final Logger LOG = Logger.getLogger(DemoLoader.class);
    static final long SEED = 20_261_121L;
    static final Duration SPAN = Duration.ofDays(28);
    private static final int CHUNK = 250;
    static final int MAX_CUSTOMERS = 20_000;

    /** A campaign of the starter rules the demo runs, with the order rates it simulates. */
    record DemoCampaign(String name, String goal, double baseRate, double lift) {
    }

    static final List<DemoCampaign> CAMPAIGNS = List.of(
            new DemoCampaign("welcome", "New customers place their first order", 0.15, 0.10),
            new DemoCampaign("abandoned-cart", "Carts left behind are ordered after all", 0.20, 0.12));

    public record Loaded(int customers, long eventsStored, long ordersStored, List<String> campaigns) {
    }

    @Inject
    IngestPipeline pipeline;
    @Inject
    LiveSchemas schemas;
    @Inject
    FollowUpPoller followUps;
    @Inject
    DeliveryPlanner planner;
    @Inject
    Campaigns campaigns;
    @Inject
    AuditLog audit;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;
    @ConfigProperty(name = "beckon.demo.customers", defaultValue = "1500")
    int defaultCustomers;

    /** The demo's size unless told otherwise. */
    public int defaultCustomers() {
        return defaultCustomers;
    }

    public Loaded load(int customers) {
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw ProblemException.badRequest("The demo shop's size is not valid",
                    List.of(new FieldError("customers", "must be between 1 and " + MAX_CUSTOMERS)));
        }
        Instant now = clock.instant();
        DemoShop shop = new DemoShop(SEED, now, customers, SPAN);
        QuarkusTransaction.requiringNew().run(this::registerCampaigns);
        long stored = ingest(shop.history());
        followUps.fireDue();
        planAll();
        long orders = ingest(orders(shop));
        followUps.fireDue();
        planAll();
        QuarkusTransaction.requiringNew().run(() -> audit.record("demo.loaded", "demo",
                // Counts as text: a long read back from the JSON column as an int looks changed and would be updated.
                Map.of("customers", String.valueOf(customers), "events", String.valueOf(stored + orders))));
        LOG.infof("Demo shop loaded: %d customers, %d events and %d orders stored", customers, stored, orders);
        return new Loaded(customers, stored + orders, orders, CAMPAIGNS.stream().map(DemoCampaign::name).toList());
    }

    /**
     * Plans the whole outbox, including rows the scheduled planner holds at this moment (planning
     * skips rows another round has locked), so the orders that follow see every verdict.
     */
    private void planAll() {
        Instant giveUp = Instant.now().plusSeconds(60);
        planner.planPending();
        while (unplanned() > 0 && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            planner.planPending();
        }
    }

    private long unplanned() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM outbox WHERE planned_at IS NULL");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the outbox", e);
        }
    }

    /** Registers the demo's campaigns, running with a 20% control group, unless they exist already. */
    private void registerCampaigns() {
        for (DemoCampaign demo : CAMPAIGNS) {
            if (Campaign.findById(demo.name()) == null) {
                campaigns.create(new Campaigns.Draft(demo.name(), "order.completed", null, null, "running",
                        BigDecimal.valueOf(20), null));
            }
        }
    }

    /**
     * Each demo customer a campaign reached, or held out, orders or not: judged once per customer,
     * by the first campaign message they had, at that campaign's rates.
     */
    private ArrayNode orders(DemoShop shop) {
        ArrayNode orders = JsonNodeFactory.instance.arrayNode();
        Set<String> judged = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT customer_id, campaign, outcome, anchor_at FROM decision_verdicts
                     WHERE customer_id LIKE 'demo-%' AND campaign = ANY(?) AND outcome IN ('sent', 'held_out')
                     ORDER BY anchor_at, decision_id
                     """)) {
            query.setArray(1, connection.createArrayOf("text", CAMPAIGNS.stream().map(DemoCampaign::name).toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String customer = row.getString(1);
                    if (!judged.add(customer)) {
                        continue;
                    }
                    String name = row.getString(2);
                    DemoCampaign campaign = CAMPAIGNS.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
                    ObjectNode order = shop.order(customer, row.getTimestamp(4).toInstant(), campaign.baseRate(),
                            campaign.lift(), "sent".equals(row.getString(3)), campaign.name());
                    if (order != null) {
                        orders.add(order);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the demo's verdicts", e);
        }
        return orders;
    }

    /** Sends the events through the pipeline in batches, as the HTTP API would; returns how many were stored. */
    private long ingest(ArrayNode events) {
        long stored = 0;
        for (int start = 0; start < events.size(); start += CHUNK) {
            ArrayNode chunk = JsonNodeFactory.instance.arrayNode();
            for (int i = start; i < Math.min(events.size(), start + CHUNK); i++) {
                chunk.add(events.get(i));
            }
            EventBatch.Parsed parsed = EventBatch.parse(chunk, "http", clock.instant(), clock, schemas);
            if (!parsed.errors().isEmpty()) {
                throw new IllegalStateException("The demo made an invalid event: " + parsed.errors().get(0));
            }
            stored += pipeline.process(parsed.events()).count(EventOutcome.Status.accepted);
        }
        return stored;
    }
}
