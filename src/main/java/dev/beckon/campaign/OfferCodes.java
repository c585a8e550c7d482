package dev.beckon.campaign;

import dev.beckon.audit.AuditLog;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Filling a campaign's pool of unique offer codes (generated, or imported from CSV) and saying how
 * full it is. Offers take the codes through {@link OfferCodePool#claim}. Additions are audited by
 * their counts only: the codes are worth money and never go into the audit log.
 */
@ApplicationScoped
@Transactional
public class OfferCodes {

    public static final int MAX_GENERATE = 100_000;
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 32;
    static final int DEFAULT_LENGTH = 10;
    static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]{0,24}");
    /** Codes inserted by one statement: arrays of this size keep a round trip well under a second. */
    private static final int CHUNK = 5_000;
    /** Collisions are rare (see OfferCodeGenerator); a pool that keeps colliding is nearly full for its length. */
    private static final int MAX_ROUNDS = 20;
    private static final int RECENT_CLAIMS = 10;

    private static final String INSERT = """
            INSERT INTO offer_codes (campaign, code, added_at)
            SELECT ?, code, ? FROM unnest(?::text[]) AS code
            ON CONFLICT (campaign, code) DO NOTHING
            """;

    /** What to generate: {@code count} codes of {@code prefix} and {@code length} random characters. */
    public record Generation(Integer count, String prefix, Integer length) {
    }

    public record Generated(int added) {
    }

    /** What an import did: codes added, codes the pool (or the file, above them) had already, lines refused. */
    public record Imported(int added, int duplicates, List<InvalidLine> invalid, int invalidLines) {
    }

    /** A line of an imported file that holds no usable code, and why. */
    public record InvalidLine(int line, String reason) {
    }

    /** How full a pool is; {@code inUse} when the campaign's offers take their codes from it. */
    public record PoolState(long available, long claimed, long total, boolean empty, boolean inUse,
                            List<Claim> recentClaims) {
    }

    /** A code given to an offer. */
    public record Claim(String code, UUID decisionId, String customerId, Instant claimedAt) {
    }

    /** Free and claimed codes of one pool. */
    public record Counts(long available, long claimed) {
        public static final Counts NONE = new Counts(0, 0);

        public boolean empty() {
            return available == 0;
        }
    }

    private final OfferCodeGenerator generator = new OfferCodeGenerator();

    @Inject
    Campaigns campaigns;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** Adds {@code count} new random codes, drawing again for the few that the pool had already. */
    public Generated generate(String campaign, Generation request) {
        campaigns.get(campaign);
        validate(request);
        String prefix = request.prefix() == null ? "" : request.prefix();
        int length = request.length() == null ? DEFAULT_LENGTH : request.length();
        int added = 0;
        int collidingRounds = 0;
        try (Connection connection = dataSource.getConnection()) {
            while (added < request.count() && collidingRounds < MAX_ROUNDS) {
                Set<String> codes = new LinkedHashSet<>();
                while (codes.size() < Math.min(CHUNK, request.count() - added)) {
                    codes.add(generator.next(prefix, length));
                }
                int inserted = insert(connection, campaign, codes);
                collidingRounds += inserted < codes.size() ? 1 : 0;
                added += inserted;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not add offer codes", e);
        }
        if (added < request.count()) {
            throw ProblemException.conflict("Only " + added + " new codes of length " + length + " could be found for "
                    + campaign + "; use a greater length");
        }
        audit.record("offer-codes.generated", "campaign:" + campaign, Map.of("added", added, "length", length));
        return new Generated(added);
    }

    /** Adds the codes of a CSV file; refuses a file in which no line holds a code. */
    public Imported importCsv(String campaign, String csv) {
        campaigns.get(campaign);
        OfferCodeCsv.Parsed parsed = OfferCodeCsv.parse(csv == null ? "" : csv);
        if (parsed.codes().isEmpty()) {
            List<FieldError> errors = parsed.invalid().stream()
                    .map(i -> new FieldError("csv", i.reason(), i.line(), null)).toList();
            throw ProblemException.badRequest(errors.isEmpty() ? "The file holds no codes: one code a line"
                    : "No line of the file holds a valid code", errors);
        }
        if (parsed.codes().size() > MAX_GENERATE) {
            throw ProblemException.badRequest("At most " + MAX_GENERATE + " codes a file: split it",
                    List.of(new FieldError("csv", "holds " + parsed.codes().size() + " codes")));
        }
        int added = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < parsed.codes().size(); from += CHUNK) {
                added += insert(connection, campaign,
                        parsed.codes().subList(from, Math.min(parsed.codes().size(), from + CHUNK)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not add offer codes", e);
        }
        int duplicates = parsed.repeated() + parsed.codes().size() - added;
        audit.record("offer-codes.imported", "campaign:" + campaign,
                Map.of("added", added, "duplicates", duplicates, "invalid", parsed.invalidLines()));
        return new Imported(added, duplicates, parsed.invalid(), parsed.invalidLines());
    }

    public PoolState state(String campaign) {
        Campaign found = campaigns.get(campaign);
        Counts counts = countsOf(campaign);
        return new PoolState(counts.available(), counts.claimed(), counts.available() + counts.claimed(), counts.empty(),
                "pool".equals(found.settings().codeSource()), recentClaims(campaign));
    }

    /** Every pool's counts by campaign, in one query for the campaigns list. */
    public Map<String, Counts> allCounts() {
        Map<String, Counts> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT campaign, count(*) FILTER (WHERE decision_id IS NULL), count(decision_id)
                     FROM offer_codes GROUP BY campaign
                     """);
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                counts.put(row.getString(1), new Counts(row.getLong(2), row.getLong(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count offer codes", e);
        }
        return counts;
    }

    private Counts countsOf(String campaign) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT count(*) FILTER (WHERE decision_id IS NULL), count(decision_id)
                     FROM offer_codes WHERE campaign = ?
                     """)) {
            query.setString(1, campaign);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Counts(row.getLong(1), row.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count offer codes", e);
        }
    }

    private List<Claim> recentClaims(String campaign) {
        List<Claim> claims = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT code, decision_id, customer_id, claimed_at FROM offer_codes
                     WHERE campaign = ? AND decision_id IS NOT NULL ORDER BY claimed_at DESC, id DESC LIMIT ?
                     """)) {
            query.setString(1, campaign);
            query.setInt(2, RECENT_CLAIMS);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    claims.add(new Claim(row.getString(1), row.getObject(2, UUID.class), row.getString(3),
                            row.getTimestamp(4).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read offer code claims", e);
        }
        return claims;
    }

    private int insert(Connection connection, String campaign, java.util.Collection<String> codes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, campaign);
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.setArray(3, connection.createArrayOf("text", codes.toArray()));
            return insert.executeUpdate();
        }
    }

    private static void validate(Generation request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.count() == null || request.count() < 1 || request.count() > MAX_GENERATE) {
            errors.add(new FieldError("count", "must be a whole number from 1 to " + MAX_GENERATE));
        }
        if (request != null && request.prefix() != null && !PREFIX.matcher(request.prefix()).matches()) {
            errors.add(new FieldError("prefix", "must be at most 24 letters, digits, '-' or '_', e.g. SPRING-"));
        }
        if (request != null && request.length() != null
                && (request.length() < MIN_LENGTH || request.length() > MAX_LENGTH)) {
            errors.add(new FieldError("length", "must be from " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " random characters (after the prefix)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The codes cannot be generated", errors);
        }
    }
}
