package dev.beckon.consent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beckon.event.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How Beckon may reach each customer: the email address and time zone their latest events carried,
 * and their opt-outs per channel. All are kept from events in the ingest transaction, so a delivery planned
 * after an event was committed already sees what that event said.
 */
@ApplicationScoped
public class ContactPoints {

    /** The event that changes a customer's consent: {@code {"channel": "email", "optedOut": true}}. */
    public static final String CONSENT_EVENT = "consent.updated";
    /** An opt-out of this channel covers every channel. */
    public static final String ALL_CHANNELS = "all";
    /** The event field that tells a customer's time zone ({@code "Europe/Paris"}), for quiet hours. */
    public static final String TIME_ZONE = "timeZone";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");
    /** A channel a customer is reached on, as consent, offers and campaign settings name it. */
    public static final Pattern CHANNEL = Pattern.compile("^[a-z][a-z0-9_-]{0,31}$");

    /** An opt-out or opt-in as recorded: where it came from and when. */
    public record Consent(String channel, boolean optedOut, String source, Instant updatedAt) {
    }

    /** What the accepted events of a batch say about addresses and consent; nothing to do for most batches. */
    public void recordFrom(Connection connection, List<EventEnvelope> events, Instant now) throws SQLException {
        Map<String, String> emails = new LinkedHashMap<>();
        Map<String, String> zones = new LinkedHashMap<>();
        Map<List<String>, Consent> consents = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            JsonNode data = event.data();
            if (data.path("email").isTextual() && isEmail(data.path("email").asText())) {
                emails.put(event.customerId(), data.path("email").asText().trim());
            }
            if (data.path(TIME_ZONE).isTextual() && isTimeZone(data.path(TIME_ZONE).asText())) {
                zones.put(event.customerId(), data.path(TIME_ZONE).asText());
            }
            if (event.type().equals(CONSENT_EVENT) && data.path("optedOut").isBoolean()
                    && data.path("channel").isTextual() && CHANNEL.matcher(data.path("channel").asText()).matches()) {
                String channel = data.path("channel").asText();
                consents.put(List.of(event.customerId(), channel),
                        new Consent(channel, data.path("optedOut").asBoolean(), "event " + event.id(), now));
            }
        }
        if (!emails.isEmpty() || !zones.isEmpty()) {
            // One row per customer: what this batch did not say (no address, no time zone) stays as it was.
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO customer_contacts (customer_id, email, time_zone, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (customer_id) DO UPDATE SET email = coalesce(excluded.email, customer_contacts.email),
                        time_zone = coalesce(excluded.time_zone, customer_contacts.time_zone),
                        updated_at = excluded.updated_at
                    """)) {
                Set<String> customers = new LinkedHashSet<>(emails.keySet());
                customers.addAll(zones.keySet());
                for (String customer : customers) {
                    upsert.setString(1, customer);
                    upsert.setString(2, emails.get(customer));
                    upsert.setString(3, zones.get(customer));
                    upsert.setTimestamp(4, Timestamp.from(now));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
        for (Map.Entry<List<String>, Consent> consent : consents.entrySet()) {
            set(connection, consent.getKey().get(0), consent.getValue());
        }
    }

    public void set(Connection connection, String customerId, Consent consent) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO customer_consent (customer_id, channel, opted_out, source, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (customer_id, channel) DO UPDATE
                SET opted_out = excluded.opted_out, source = excluded.source, updated_at = excluded.updated_at
                """)) {
            upsert.setString(1, customerId);
            upsert.setString(2, consent.channel());
            upsert.setBoolean(3, consent.optedOut());
            upsert.setString(4, consent.source());
            upsert.setTimestamp(5, Timestamp.from(consent.updatedAt()));
            upsert.executeUpdate();
        }
    }

    /** Each customer's recorded consent by channel (opt-ins included, so the API can show them). */
    public Map<String, Map<String, Consent>> consent(Connection connection, Collection<String> customers)
            throws SQLException {
        Map<String, Map<String, Consent>> byCustomer = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT customer_id, channel, opted_out, source, updated_at FROM customer_consent
                WHERE customer_id = ANY(?) ORDER BY customer_id, channel
                """)) {
            query.setArray(1, connection.createArrayOf("text", customers.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    byCustomer.computeIfAbsent(row.getString(1), c -> new LinkedHashMap<>())
                            .put(row.getString(2), new Consent(row.getString(2), row.getBoolean(3), row.getString(4),
                                    row.getTimestamp(5).toInstant()));
                }
            }
        }
        return byCustomer;
    }

    public Map<String, String> emails(Connection connection, Collection<String> customers) throws SQLException {
        Map<String, String> emails = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT customer_id, email FROM customer_contacts WHERE customer_id = ANY(?) AND email IS NOT NULL")) {
            query.setArray(1, connection.createArrayOf("text", customers.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    emails.put(row.getString(1), row.getString(2));
                }
            }
        }
        return emails;
    }

    /** Each customer's time zone, for those whose events named one. */
    public Map<String, String> timeZones(Connection connection, Collection<String> customers) throws SQLException {
        Map<String, String> zones = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT customer_id, time_zone FROM customer_contacts WHERE customer_id = ANY(?) AND time_zone IS NOT NULL")) {
            query.setArray(1, connection.createArrayOf("text", customers.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    zones.put(row.getString(1), row.getString(2));
                }
            }
        }
        return zones;
    }

    /** The opt-out that stops marketing on {@code channel}, if the customer has one. */
    public static Consent optOut(Map<String, Consent> consent, String channel) {
        for (String covering : List.of(channel.toLowerCase(Locale.ROOT), ALL_CHANNELS)) {
            Consent recorded = consent.get(covering);
            if (recorded != null && recorded.optedOut()) {
                return recorded;
            }
        }
        return null;
    }

    static boolean isTimeZone(String text) {
        try {
            java.time.ZoneId.of(text);
            return text.length() <= 64;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    static boolean isEmail(String text) {
        return text.length() <= 254 && EMAIL.matcher(text.trim()).matches();
    }
}
