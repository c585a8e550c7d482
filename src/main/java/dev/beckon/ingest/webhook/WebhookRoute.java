package dev.beckon.ingest.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.ingest.EventOutcome;
import dev.beckon.platform.Problem;
import dev.beckon.platform.ProblemException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /hooks/{source}}: where CRMs, shops, POS and payment systems post. The signature is the credential.
 *
 * <p>A route on the HTTP router rather than a REST resource: the REST layer's CSRF filter guards the console's
 * forms and refuses any form post without a token, so GitHub's default form-encoded deliveries would never reach
 * the receiver. The body reaches {@link WebhookReceiver} as sent, whatever its media type; the receiver accepts
 * the ones the source's sender really posts ({@link WebhookBody}).
 */
@ApplicationScoped
public class WebhookRoute {

    /** The answer to a verified webhook: {@code accepted} with each event's outcome, or {@code duplicate},
     * without events, when it repeats a webhook accepted before (nothing is stored again). */
    public record Answer(String webhookId, String status, List<EventOutcome> events) {
    }

    /** Bodies are read up to this much, so that one over the receiver's limit still gets its problem body. */
    private static final long READ_LIMIT = 4L * WebhookReceiver.MAX_BODY;

    @Inject
    WebhookReceiver receiver;
    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.post("/hooks/:source")
                .handler(BodyHandler.create(false).setBodyLimit(READ_LIMIT))
                .blockingHandler(this::receive, false)
                .failureHandler(this::tooLarge);
    }

    private void receive(RoutingContext context) {
        String source = context.pathParam("source");
        Map<String, String> headers = new HashMap<>();
        context.request().headers().forEach(header -> headers.put(header.getKey(), header.getValue()));
        Buffer body = context.body().buffer();
        try {
            // Without the database this throws: IngestUnavailableAnswer makes it a 503 with Retry-After.
            WebhookReceiver.Receipt receipt = receiver.receive(source, new SignedRequest(headers, body == null ? new byte[0] : body.getBytes()));
            respond(context, 200, "application/json", new Answer(receipt.webhookId(),
                    receipt.duplicate() ? "duplicate" : "accepted", receipt.result().outcomes()));
        } catch (ProblemException e) {
            respond(context, e.status(), Problem.MEDIA_TYPE, Problem.of(e.status(), e.title(), e.getMessage(), e.errors()));
        }
    }

    /** A body past the read limit, refused by the body handler before the receiver could see it. */
    private void tooLarge(RoutingContext context) {
        if (context.statusCode() != 413 || context.response().headWritten()) {
            context.next();
            return;
        }
        ProblemException e = receiver.tooLarge(null);
        respond(context, e.status(), Problem.MEDIA_TYPE, Problem.of(e.status(), e.title(), e.getMessage(), e.errors()));
    }

    private void respond(RoutingContext context, int status, String contentType, Object entity) {
        try {
            context.response().setStatusCode(status).putHeader("Content-Type", contentType).end(json.writeValueAsString(entity));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
