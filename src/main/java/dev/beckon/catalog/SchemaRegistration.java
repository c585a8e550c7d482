package dev.beckon.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beckon.audit.AuditLog;
import dev.beckon.event.EventParser;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.platform.notify.ChangeNotices;
import dev.beckon.platform.notify.ChangeTopic;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registers a new version of an event type's schema: it must be a valid JSON Schema for an
 * object, its sample must pass it, and it must not break what rules rely on in the version
 * before ({@link SchemaCompatibility}). The version, its audit entry and a change notice are
 * written together; then this replica checks events against it at once, and the others as soon
 * as the notice reaches them.
 */
@ApplicationScoped
public class SchemaRegistration {

    private static final String UNIQUE_VIOLATION = "23505";

    /** What a registration asks for. */
    public record NewVersion(JsonNode schema, JsonNode sample, String comment) {
    }

    /** The version now latest, and whether this request created it (an unchanged schema creates none). */
    public record Registered(RegisteredSchema schema, boolean created) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SchemaStore store;
    @Inject
    LiveSchemas live;
    @Inject
    AuditLog audit;
    @Inject
    ChangeNotices notices;
    @Inject
    Clock clock;

    public Registered register(String type, NewVersion request, String actor) {
        refuseInvalid(type, request);
        Registered registered = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return registerInTransaction(connection, type, request, actor);
            }
        });
        if (registered.created()) {
            live.reload();
        }
        return registered;
    }

    private Registered registerInTransaction(Connection connection, String type, NewVersion request, String actor)
            throws SQLException {
        Optional<RegisteredSchema> previous = store.latest(connection, type);
        if (previous.isPresent() && previous.get().schema().equals(request.schema())) {
            return new Registered(previous.get(), false);
        }
        int version = previous.map(p -> p.version() + 1).orElse(1);
        if (previous.isPresent()) {
            List<FieldError> breaks = SchemaCompatibility.breaks(previous.get().schema(), request.schema());
            if (!breaks.isEmpty()) {
                throw new ProblemException(409, "Incompatible schema", "Version " + version + " of " + type
                        + " would break rules written against version " + previous.get().version()
                        + " (" + breaks.size() + " reason(s)); nothing was stored", breaks);
            }
        }
        RegisteredSchema schema = new RegisteredSchema(type, version, request.schema(), request.sample(),
                request.comment(), actor, clock.instant());
        try {
            store.insert(connection, schema);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw ProblemException.conflict("Version " + version + " of " + type + " was registered meanwhile; try again");
            }
            throw e;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", version);
        details.put("comment", request.comment() == null ? "" : request.comment());
        audit.record("event-type.schema-registered", "event-type:" + type, details);
        notices.announce(connection, ChangeTopic.SCHEMAS);
        return new Registered(schema, true);
    }

    private static void refuseInvalid(String type, NewVersion request) {
        if (!EventParser.isEventType(type)) {
            throw ProblemException.badRequest("Not an event type name", List.of(new FieldError("type",
                    "must be lower case letters, digits, '.', '_' or '-' (at most 100), e.g. cart.updated")));
        }
        if (request == null || request.schema() == null || request.schema().isNull()) {
            throw ProblemException.badRequest("A schema is required", List.of(new FieldError("schema", "is required")));
        }
        List<FieldError> problems = new ArrayList<>(SchemaCompiler.problems(request.schema()));
        if (problems.isEmpty() && request.sample() != null && !request.sample().isNull()) {
            problems.addAll(request.sample().isObject()
                    ? SchemaCompiler.validate(SchemaCompiler.compile(request.schema()), request.sample(), "sample")
                    : List.of(new FieldError("sample", "must be a JSON object: an example of the event's data")));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("The schema is not valid (" + problems.size() + " problem(s)); nothing was stored",
                    problems);
        }
    }
}
