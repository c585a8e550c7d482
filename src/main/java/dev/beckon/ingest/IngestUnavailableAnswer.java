package dev.beckon.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.platform.Problem;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The one place where an overloaded or unreachable database becomes an answer on the ingest doors
 * ({@code POST /api/events}, {@code POST /hooks/*}): 503 with {@code Retry-After} and a problem body,
 * never 500. It sits on the HTTP router rather than among the REST exception mappers because the pool
 * can run dry before a resource is reached, while an API key is checked.
 *
 * <p>A 503 here always means nothing was committed: the doors write nothing before the pipeline's one
 * transaction, and the only write after it (a webhook's delivery log) survives its own failure.
 */
@ApplicationScoped
public class IngestUnavailableAnswer {

    /** Seconds a client is asked to wait: about one acquisition timeout of the pool. */
    static final String RETRY_AFTER = "5";

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        if (!isIngestDoor(context.normalizedPath()) || !unavailable(context.failure()) || context.response().headWritten()) {
            context.next();
            return;
        }
        Problem problem = Problem.of(503, "Unavailable",
                "Events cannot be stored right now; nothing was stored. Retry later.", List.of());
        try {
            context.response().setStatusCode(503).putHeader("Retry-After", RETRY_AFTER)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE).end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.next();
        }
    }

    static boolean isIngestDoor(String path) {
        return path != null && (path.equals("/api/events") || path.startsWith("/hooks/"));
    }

    /** Processing was refused for want of the database, or the database failed in a way worth retrying. */
    static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IngestUnavailableException) {
                return true;
            }
        }
        return failure != null && Failures.isTransient(failure);
    }
}
