package dev.beckon.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.campaign.FrequencyCap;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The rules every marketing message obeys, whatever its campaign; one row. */
@Entity
@Table(name = "messaging_policy")
public class MessagingPolicy extends PanacheEntityBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    public Boolean id;

    /** Frequency caps across all campaigns, as a JSON list of {@link FrequencyCap}. */
    public String caps;

    @Column(name = "quiet_start")
    public LocalTime quietStart;

    @Column(name = "quiet_end")
    public LocalTime quietEnd;

    @Column(name = "default_time_zone")
    public String defaultTimeZone;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static MessagingPolicy current() {
        return findById(true);
    }

    public List<FrequencyCap> caps() {
        return parseCaps(caps);
    }

    public Optional<QuietHours> quietHours() {
        return quietStart == null || quietEnd == null ? Optional.empty() : Optional.of(new QuietHours(quietStart, quietEnd));
    }

    /** The time zone of customers whose events never said theirs. */
    public ZoneId defaultZone() {
        return zoneOr(defaultTimeZone, ZoneOffset.UTC);
    }

    static ZoneId zoneOr(String zone, ZoneId fallback) {
        try {
            return zone == null ? fallback : ZoneId.of(zone);
        } catch (DateTimeException e) {
            return fallback;
        }
    }

    static List<FrequencyCap> parseCaps(String text) {
        try {
            return text == null ? List.of() : JSON.readValue(text, new TypeReference<List<FrequencyCap>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String capsJson(List<FrequencyCap> caps) {
        try {
            return JSON.writeValueAsString(caps == null ? List.of() : caps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
