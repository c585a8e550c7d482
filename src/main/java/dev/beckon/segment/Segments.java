package dev.beckon.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.audit.AuditLog;
import dev.beckon.campaign.CampaignNames;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.segment.SegmentDefinition.Condition;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creating, changing and reading segments, for the API and the console; every change is audited.
 * A new or changed definition is evaluated for every customer before the change commits, so its
 * member count is right from the start (the refresher keeps it right afterwards).
 */
@ApplicationScoped
@Transactional
public class Segments {

    static final int MAX_DESCRIPTION = 500;

    /** A segment as created or changed; the name is only read when creating. */
    public record Draft(String name, String description, List<Condition> conditions) {
        SegmentDefinition definition() {
            return new SegmentDefinition(conditions);
        }
    }

    /** A member, and since when. */
    public record Member(String customerId, Instant since) {
    }

    @Inject
    AuditLog audit;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    SegmentConfig config;
    @Inject
    Clock clock;

    public List<Segment> list() {
        return Segment.list("order by name");
    }

    public Segment get(String name) {
        return found(Segment.findById(name), name);
    }

    /** Only reads the entity's JSON: no transaction of its own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SegmentDefinition definitionOf(Segment segment) {
        return definition(json, segment.definition);
    }

    public Segment create(Draft draft) {
        validate(draft, true);
        if (Segment.findById(draft.name()) != null) {
            throw ProblemException.conflict("A segment named " + draft.name() + " exists already");
        }
        Segment segment = new Segment();
        segment.name = draft.name();
        segment.createdBy = audit.actor();
        segment.createdAt = clock.instant();
        apply(segment, draft);
        segment.persist();
        evaluate(segment);
        audit.record("segment.created", "segment:" + segment.name, Map.of("members", segment.memberCount));
        return segment;
    }

    public Segment update(String name, Draft draft) {
        validate(draft, false);
        Segment segment = locked(name);
        apply(segment, draft);
        evaluate(segment);
        audit.record("segment.updated", "segment:" + name, Map.of("members", segment.memberCount));
        return segment;
    }

    public void delete(String name) {
        locked(name).delete();
        audit.record("segment.deleted", "segment:" + name, Map.of());
    }

    /** Evaluates every customer now, rather than at the next full refresh. */
    public Segment refresh(String name) {
        Segment segment = locked(name);
        evaluate(segment);
        return segment;
    }

    /** The newest members first. */
    public List<Member> members(String name, int limit) {
        get(name);
        List<Member> members = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT customer_id, since FROM segment_members WHERE segment = ? ORDER BY since DESC, customer_id LIMIT ?")) {
            statement.setString(1, name);
            statement.setInt(2, limit);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    members.add(new Member(row.getString(1), row.getTimestamp(2).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return members;
    }

    /** Waits for a refresh of this segment running elsewhere, so a change never interleaves with one. */
    private Segment locked(String name) {
        return found(Segment.findById(name, LockModeType.PESSIMISTIC_WRITE), name);
    }

    private static Segment found(Segment segment, String name) {
        if (segment == null) {
            throw ProblemException.notFound("No segment " + name);
        }
        return segment;
    }

    private void apply(Segment segment, Draft draft) {
        segment.description = draft.description() == null || draft.description().isBlank() ? null : draft.description().strip();
        segment.definition = json.valueToTree(draft.definition());
        segment.updatedBy = audit.actor();
        segment.updatedAt = clock.instant();
    }

    private void evaluate(Segment segment) {
        Segment.flush(); // the members refer to the segment's row, which must be written first
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            segment.memberCount = SegmentEvaluator.everyone(connection, segment.name, definitionOf(segment), now);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not evaluate segment " + segment.name, e);
        }
        segment.refreshedAt = now;
        segment.evaluatedThrough = now.minus(config.settleTime());
    }

    private static void validate(Draft draft, boolean named) {
        if (draft == null) {
            throw ProblemException.badRequest("The segment is missing", List.of(new FieldError("conditions", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (named && !CampaignNames.isValid(draft.name())) {
            errors.add(new FieldError("name", "must be " + CampaignNames.RULE + ", as rules name it"));
        }
        if (draft.description() != null && draft.description().length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        try {
            DefinitionCheck.check(draft.definition());
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The segment is not valid", errors);
        }
    }

    static SegmentDefinition definition(ObjectMapper json, JsonNode stored) {
        try {
            return json.treeToValue(stored, SegmentDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored segment definition does not read back", e);
        }
    }
}
