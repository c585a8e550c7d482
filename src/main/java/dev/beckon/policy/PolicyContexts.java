package dev.beckon.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.campaign.Campaign;
import dev.beckon.campaign.CampaignSettings;
import dev.beckon.consent.ContactPoints;
import dev.beckon.inbox.OpenEscalations;
import dev.beckon.segment.SegmentMembership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what a batch of marketing messages is judged by, in a few queries for the whole batch, and
 * takes the locks that make judging safe with several replicas planning at once.
 */
@ApplicationScoped
public class PolicyContexts {

    @Inject
    ContactPoints contactPoints;
    @Inject
    OpenEscalations openEscalations;
    @Inject
    SegmentMembership segments;
    @Inject
    ObjectMapper json;

    public PolicyContext load(Connection connection, List<MarketingMessage> messages, Instant now)
            throws SQLException, IOException {
        Set<String> customers = new TreeSet<>();
        Set<String> eventIds = new TreeSet<>();
        messages.forEach(m -> {
            customers.add(m.customerId());
            eventIds.add(m.eventId());
        });
        // Campaigns are few: all are read, once per batch.
        Map<String, Campaign> campaigns = new HashMap<>();
        Map<String, CampaignSettings> settings = new HashMap<>();
        for (Campaign campaign : Campaign.<Campaign>listAll()) {
            campaigns.put(campaign.name, campaign);
            settings.put(campaign.name, campaign.settings());
        }
        lock(connection, budgeted(messages, settings), customers);
        // Segment membership is read only when a campaign of the batch has an audience.
        boolean audiences = messages.stream().anyMatch(m -> settings.containsKey(m.campaign())
                && settings.get(m.campaign()).audience() != null);
        return new PolicyContext(campaigns, settings, MessagingPolicy.current(),
                contactPoints.consent(connection, customers), openEscalations.holds(connection, customers, oldest(messages)),
                contactPoints.timeZones(connection, customers),
                audiences ? segments.memberships(connection, customers) : Map.of(),
                events(connection, eventIds, keyed(messages, settings)), now,
                new ArrayList<>());
    }

    private static Instant oldest(List<MarketingMessage> messages) {
        return messages.stream().map(MarketingMessage::asOf).min(Instant::compareTo).orElseThrow();
    }

    private static Set<String> budgeted(List<MarketingMessage> messages, Map<String, CampaignSettings> settings) {
        Set<String> budgeted = new TreeSet<>();
        messages.stream().map(MarketingMessage::campaign)
                .filter(c -> settings.containsKey(c) && settings.get(c).hasBudget()).forEach(budgeted::add);
        return budgeted;
    }

    /**
     * Locks the budgeted campaigns, then the customers, each in sorted order so two replicas never
     * wait on each other in a circle; held until the planning transaction ends. Caps and re-entry
     * count a customer's verdicts, budgets a campaign's: nobody else may add one meanwhile.
     */
    private static void lock(Connection connection, Set<String> campaigns, Set<String> customers) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("""
                SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))
                FROM (SELECT k FROM unnest(?::text[]) AS k ORDER BY k) sorted
                """)) {
            for (Collection<String> keys : List.of(prefixed("beckon.policy.campaign:", campaigns),
                    prefixed("beckon.policy.customer:", customers))) {
                if (!keys.isEmpty()) {
                    lock.setArray(1, connection.createArrayOf("text", keys.toArray()));
                    lock.executeQuery().close();
                }
            }
        }
    }

    private static Collection<String> prefixed(String prefix, Set<String> keys) {
        return keys.stream().map(k -> prefix + k).toList();
    }

    /** Whether a campaign of the batch lets customers in once per key, which may be any field of the event. */
    private static boolean keyed(List<MarketingMessage> messages, Map<String, CampaignSettings> settings) {
        return messages.stream().anyMatch(m -> settings.containsKey(m.campaign())
                && "once-per-key".equals(settings.get(m.campaign()).entryMode()));
    }

    /**
     * The triggering events' times, and of their data what judging needs: the whole of it for a
     * re-entry key, otherwise only the amounts a discount is valued by, so a batch does not carry
     * every event's payload across for nothing.
     */
    private Map<String, TriggerEvent> events(Connection connection, Set<String> ids, boolean wholeData)
            throws SQLException, IOException {
        Map<String, TriggerEvent> events = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT id, occurred_at, CASE WHEN ? THEN data
                    ELSE jsonb_strip_nulls(jsonb_build_object('total', data->'total', 'amount', data->'amount')) END::text
                FROM events WHERE id = ANY(?)
                """)) {
            query.setBoolean(1, wholeData);
            query.setArray(2, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    events.put(row.getString(1), new TriggerEvent(row.getTimestamp(2).toInstant(),
                            json.readTree(row.getString(3))));
                }
            }
        }
        return events;
    }
}
