package dev.beckon.ingest.webhook;

import dev.beckon.ingest.EventOutcome;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /hooks/{source}}: where CRMs, shops, POS and payment systems post. The signature is the credential. */
@Path("/hooks/{source}")
@Blocking
public class WebhookResource {

    /**
     * The answer to a verified webhook: {@code accepted} with each event's outcome, or {@code duplicate},
     * without events, when it repeats a webhook accepted before (nothing is stored again).
     */
    public record Answer(String webhookId, String status, List<EventOutcome> events) {
    }

    @Inject
    WebhookReceiver receiver;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("source") String source, @Context HttpServerRequest http, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        http.headers().forEach(header -> headers.put(header.getKey(), header.getValue()));
        // Without the database this throws: IngestUnavailableAnswer makes it a 503 with Retry-After.
        WebhookReceiver.Receipt receipt = receiver.receive(source, new SignedRequest(headers, body == null ? new byte[0] : body));
        return Response.ok(new Answer(receipt.webhookId(), receipt.duplicate() ? "duplicate" : "accepted",
                receipt.result().outcomes())).build();
    }
}
