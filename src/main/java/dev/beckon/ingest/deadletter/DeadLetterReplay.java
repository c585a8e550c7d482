package dev.beckon.ingest.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.catalog.LiveSchemas;
import dev.beckon.event.EventEnvelope;
import dev.beckon.event.EventParser;
import dev.beckon.ingest.EventOutcome;
import dev.beckon.ingest.Incoming;
import dev.beckon.ingest.IngestPipeline;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Runs a dead letter's message through the pipeline again (after a rule fix, say). The id
 * check still applies: replaying an event that was stored since is a harmless duplicate.
 */
@ApplicationScoped
public class DeadLetterReplay {

    static final String CHANNEL = "replay";

    @Inject
    IngestPipeline pipeline;
    @Inject
    LiveSchemas schemas;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    public EventOutcome replay(long id) {
        DeadLetter letter = QuarkusTransaction.requiringNew().call(() -> DeadLetter.<DeadLetter>findById(id));
        if (letter == null) {
            throw ProblemException.notFound("No dead letter " + id);
        }
        if (DeadLetter.REPLAYED.equals(letter.status)) {
            throw ProblemException.conflict("Dead letter " + id + " was replayed already");
        }
        EventParser.Result parsed;
        try {
            parsed = EventParser.parse(json.readTree(letter.payload), "", clock);
        } catch (JsonProcessingException e) {
            throw unprocessable("The message is still not valid JSON: " + e.getOriginalMessage(), List.of());
        }
        if (parsed instanceof EventParser.Invalid invalid) {
            throw unprocessable("The message is still not a valid event", invalid.errors());
        }
        EventEnvelope event = ((EventParser.Valid) parsed).event();
        List<FieldError> schemaErrors = schemas.check(event, "");
        if (!schemaErrors.isEmpty()) {
            throw unprocessable("The message still does not match its type's schema", schemaErrors);
        }
        Incoming incoming = Incoming.valid(event, CHANNEL, letter.payload, clock.instant());
        EventOutcome outcome = pipeline.process(List.of(incoming)).outcomes().get(0);
        if (outcome.status() == EventOutcome.Status.rejected) {
            throw unprocessable("Replay failed again: " + outcome.reason(), List.of());
        }
        QuarkusTransaction.requiringNew().run(() -> DeadLetter.update(
                "status = ?1, replayedAt = ?2 where id = ?3", DeadLetter.REPLAYED, clock.instant(), id));
        return outcome;
    }

    private static ProblemException unprocessable(String detail, List<FieldError> errors) {
        return new ProblemException(422, "Replay failed", detail, errors);
    }
}
