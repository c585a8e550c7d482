package dev.beckon.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.rules.ActiveRules;
import dev.beckon.rules.RuleCatalog;
import dev.beckon.rules.RuleSet;
import dev.beckon.rules.RuleSetService;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The catalog as people read it: every type registered or seen lately, how many of its events
 * arrived each day, its schema versions, and which rules of the live rule set react to it.
 */
@ApplicationScoped
public class CatalogOverview {

    static final int DAYS = 14;
    static final String ANY_EVENT = "any event";

    /** How many events of a type arrived on one day (UTC); {@code percent} is the bar's height against the type's busiest day. */
    public record Day(LocalDate day, long events, int percent) {
    }

    /** A type as the catalog lists it. */
    public record TypeSummary(String type, Integer latestVersion, List<Day> perDay, long lastDays, List<String> rules) {
    }

    /** One type in full: its schema (the latest version's, pretty-printed), a sample, its versions, volume and rules. */
    public record TypeDetail(String type, List<RegisteredSchema> versions, String schema, String sample,
                             String sampleFrom, List<Day> perDay, long lastDays, List<String> rules) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SchemaStore schemas;
    @Inject
    RuleSetService ruleSets;
    @Inject
    ActiveRules active;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    public List<TypeSummary> types() {
        Map<String, Integer> registered = new HashMap<>();
        schemas.latestOfEach().forEach(s -> registered.put(s.type(), s.version()));
        Map<String, List<Day>> volume = volume(null);
        Map<String, List<String>> rules = rulesByType();
        TreeSet<String> types = new TreeSet<>(registered.keySet());
        types.addAll(volume.keySet());
        List<TypeSummary> summaries = new ArrayList<>();
        for (String type : types) {
            List<Day> days = volume.getOrDefault(type, emptyDays());
            summaries.add(new TypeSummary(type, registered.get(type), days, total(days), rulesFor(type, rules)));
        }
        return summaries;
    }

    public Optional<TypeDetail> type(String type) {
        List<RegisteredSchema> versions = schemas.versionsOf(type);
        List<Day> days = volume(type).getOrDefault(type, emptyDays());
        JsonNode latestData = latestData(type);
        if (versions.isEmpty() && latestData == null) {
            return Optional.empty();
        }
        RegisteredSchema latest = versions.isEmpty() ? null : versions.get(0);
        JsonNode sample = latest != null && latest.sample() != null ? latest.sample() : latestData;
        String sampleFrom = sample == null ? null : latest != null && latest.sample() == sample
                ? "registered with version " + latest.version() : "the latest stored event";
        return Optional.of(new TypeDetail(type, versions, latest == null ? null : pretty(latest.schema()),
                sample == null ? null : pretty(sample), sampleFrom, days, total(days), rulesFor(type, rulesByType())));
    }

    public String pretty(JsonNode node) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Events per type and day over the last {@link #DAYS} days, oldest day first, days without events as 0. */
    private Map<String, List<Day>> volume(String onlyType) {
        LocalDate first = firstDay();
        Map<String, long[]> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT type, (received_at AT TIME ZONE 'UTC')::date, count(*) FROM events
                     WHERE received_at >= ? AND (?::text IS NULL OR type = ?) GROUP BY 1, 2
                     """)) {
            query.setTimestamp(1, Timestamp.from(first.atStartOfDay().toInstant(ZoneOffset.UTC)));
            query.setString(2, onlyType);
            query.setString(3, onlyType);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    int index = (int) (row.getDate(2).toLocalDate().toEpochDay() - first.toEpochDay());
                    if (index >= 0 && index < DAYS) {
                        counts.computeIfAbsent(row.getString(1), t -> new long[DAYS])[index] = row.getLong(3);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count events per day", e);
        }
        Map<String, List<Day>> volume = new HashMap<>();
        counts.forEach((type, perDay) -> volume.put(type, days(first, perDay)));
        return volume;
    }

    private LocalDate firstDay() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(DAYS - 1);
    }

    private List<Day> emptyDays() {
        return days(firstDay(), new long[DAYS]);
    }

    private static List<Day> days(LocalDate first, long[] perDay) {
        long busiest = Math.max(1, Arrays.stream(perDay).max().orElse(0));
        List<Day> days = new ArrayList<>(DAYS);
        for (int i = 0; i < DAYS; i++) {
            days.add(new Day(first.plusDays(i), perDay[i], (int) (perDay[i] * 100 / busiest)));
        }
        return days;
    }

    private static long total(List<Day> days) {
        return days.stream().mapToLong(Day::events).sum();
    }

    /** The live rule set's rule names by the event type they react to ({@value #ANY_EVENT} for patterns naming none). */
    private Map<String, List<String>> rulesByType() {
        Map<String, List<String>> byType = new HashMap<>();
        Optional<RuleSet> live = ruleSets.find(active.version());
        live.ifPresent(rules -> RuleCatalog.describe(rules.drl).forEach(rule -> rule.reactsTo()
                .forEach(type -> byType.computeIfAbsent(type, t -> new ArrayList<>()).add(rule.name()))));
        return byType;
    }

    private static List<String> rulesFor(String type, Map<String, List<String>> byType) {
        List<String> rules = new ArrayList<>(byType.getOrDefault(type, List.of()));
        byType.getOrDefault(ANY_EVENT, List.of()).stream().filter(rule -> !rules.contains(rule)).forEach(rules::add);
        return rules;
    }

    private JsonNode latestData(String type) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT data::text FROM events WHERE type = ? ORDER BY received_at DESC LIMIT 1")) {
            query.setString(1, type);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? json.readTree(row.getString(1)) : null;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not read the latest event of " + type, e);
        }
    }
}
