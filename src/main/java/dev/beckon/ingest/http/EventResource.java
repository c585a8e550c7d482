package dev.beckon.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beckon.catalog.LiveSchemas;
import dev.beckon.ingest.BatchResult;
import dev.beckon.ingest.EventBatch;
import dev.beckon.ingest.EventOutcome;
import dev.beckon.ingest.Incoming;
import dev.beckon.ingest.IngestPipeline;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.security.ApiScopes;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/events}: one event or an array of up to 1,000. All are checked (against the
 * contract and their types' schemas) before any is stored; a request with any invalid event is
 * refused whole with every error, naming the field.
 */
@RolesAllowed(ApiScopes.EVENTS_WRITE)
@Path("/api/events")
@Blocking
public class EventResource {

    static final int MAX_EVENTS = 1000;

    /** The answer: one outcome per event, in request order. */
    public record Response202(long accepted, long duplicates, long rejected, List<EventOutcome> results) {
    }

    @Inject
    IngestPipeline pipeline;
    @Inject
    LiveSchemas schemas;
    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response ingest(JsonNode body) {
        Instant receivedAt = clock.instant();
        List<Incoming> batch = parse(body, receivedAt);
        // Without the database this throws IngestUnavailableException: IngestUnavailableAnswer makes it a 503.
        BatchResult result = pipeline.process(batch);
        return Response.accepted(new Response202(result.count(EventOutcome.Status.accepted),
                result.count(EventOutcome.Status.duplicate), result.count(EventOutcome.Status.rejected),
                result.outcomes())).build();
    }

    private List<Incoming> parse(JsonNode body, Instant receivedAt) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw ProblemException.badRequest("A JSON event or array of events is required",
                    List.of(new FieldError("body", "is required")));
        }
        if (body.isArray() && body.isEmpty()) {
            throw ProblemException.badRequest("The array holds no events", List.of(new FieldError("body", "must not be empty")));
        }
        if (body.isArray() && body.size() > MAX_EVENTS) {
            throw new ProblemException(413, "Too many events", "At most " + MAX_EVENTS + " events per request",
                    List.of(new FieldError("body", "holds " + body.size() + " events; at most " + MAX_EVENTS + " are allowed")));
        }
        EventBatch.Parsed parsed = EventBatch.parse(body, "http", receivedAt, clock, schemas);
        if (!parsed.errors().isEmpty()) {
            throw ProblemException.badRequest(parsed.errors().size() + " field(s) are invalid; nothing was stored",
                    parsed.errors());
        }
        return parsed.events();
    }
}
