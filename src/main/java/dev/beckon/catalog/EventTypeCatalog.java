package dev.beckon.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What event types Beckon has seen lately, and which fields their data carries with which types:
 * those the type's registered schema declares first, then those sampled from stored events. The
 * guided builder offers these, so a marketer picks fields instead of guessing their names.
 */
@ApplicationScoped
public class EventTypeCatalog {

    static final int SAMPLE = 200;
    static final Duration RECENT = Duration.ofDays(30);

    /** An event type with how many events of it arrived in the last 30 days. */
    public record EventType(String type, long events, Instant lastSeen) {
    }

    /**
     * A field of the data: its path as rules write it, its type, an example, in how many sampled
     * events it was, and where it is known from ({@code schema} or {@code events}).
     */
    public record Field(String path, String type, String example, int seenIn, int sampled, String origin) {
    }

    public static final String FROM_SCHEMA = "schema";
    public static final String FROM_EVENTS = "events";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    LiveSchemas schemas;
    @Inject
    Clock clock;

    public List<EventType> recentTypes() {
        List<EventType> types = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT type, count(*), max(received_at) FROM events WHERE received_at >= ?
                     GROUP BY type ORDER BY count(*) DESC, type LIMIT 500
                     """)) {
            query.setTimestamp(1, Timestamp.from(clock.instant().minus(RECENT)));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    types.add(new EventType(row.getString(1), row.getLong(2), row.getTimestamp(3).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read event types", e);
        }
        return types;
    }

    /** The types seen lately, then the registered ones not seen lately (with no events). */
    public List<EventType> knownTypes() {
        List<EventType> types = new ArrayList<>(recentTypes());
        Set<String> seen = new HashSet<>();
        types.forEach(type -> seen.add(type.type()));
        schemas.registeredTypes().stream().filter(type -> !seen.contains(type)).sorted()
                .forEach(type -> types.add(new EventType(type, 0, null)));
        return types;
    }

    /**
     * The fields of {@code type}: its latest registered schema's, in the schema's order, then those
     * the latest events carried that the schema does not declare, most common first.
     */
    public List<Field> fieldsOf(String type) {
        List<Field> fields = new ArrayList<>();
        schemas.latest(type).ifPresent(schema -> fields.addAll(SchemaFields.of(schema.schema(), schema.sample())));
        Set<String> declared = new HashSet<>();
        fields.forEach(field -> declared.add(field.path()));
        sampledFieldsOf(type).stream().filter(field -> !declared.contains(field.path())).forEach(fields::add);
        return fields;
    }

    /** The fields of the latest events of {@code type}, most common first. */
    List<Field> sampledFieldsOf(String type) {
        Map<String, String[]> fields = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        int sampled = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT data::text FROM events WHERE type = ? ORDER BY received_at DESC LIMIT " + SAMPLE)) {
            query.setString(1, type);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    sampled++;
                    Map<String, String[]> inThisEvent = new LinkedHashMap<>();
                    walk(json.readTree(row.getString(1)), "", inThisEvent);
                    inThisEvent.forEach((path, typeAndExample) -> {
                        fields.putIfAbsent(path, typeAndExample);
                        seen.merge(path, 1, Integer::sum);
                    });
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read events of type " + type, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int total = sampled;
        return fields.entrySet().stream()
                .map(f -> new Field(f.getKey(), f.getValue()[0], f.getValue()[1], seen.get(f.getKey()), total, FROM_EVENTS))
                .sorted((a, b) -> Integer.compare(b.seenIn(), a.seenIn()))
                .toList();
    }

    /** An example value short enough to show beside a field's name. */
    static String shortened(String example) {
        return example.length() > 60 ? example.substring(0, 60) + "…" : example;
    }

    /** Leaf values by path; arrays are described by their first element ({@code items[0].sku}). */
    private static void walk(JsonNode node, String path, Map<String, String[]> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                walk(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), out);
            }
        } else if (node.isArray()) {
            if (!node.isEmpty()) {
                walk(node.get(0), path + "[0]", out);
            }
        } else if (!path.isEmpty() && !node.isNull()) {
            String type = node.isNumber() ? "number" : node.isBoolean() ? "boolean" : "text";
            String example = node.asText();
            out.put(path, new String[] {type, shortened(example)});
        }
    }
}
