package dev.beckon.delivery;

import dev.beckon.ingest.webhook.StandardWebhooks;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Posts a decision to a business's endpoint, signed the Standard Webhooks way: {@code webhook-id}
 * is the decision's id on every attempt (so the receiver can drop a repeat), {@code webhook-timestamp}
 * the attempt's time, {@code webhook-signature} one {@code v1,} signature per active secret. Any 2xx
 * is a delivery; anything else, a timeout or a refused connection is a failed attempt. Requests are
 * asynchronous: a slow endpoint holds none of Beckon's threads while it thinks.
 * <p>
 * Before each attempt the endpoint's host is resolved and checked by the {@link SsrfGuard}: one that
 * points inside Beckon's network is not contacted, and the delivery is dead at once with the reason.
 * Plain {@code http://} endpoints get HTTP/1.1 and nothing else: the JDK client would otherwise offer
 * an {@code Upgrade: h2c} with {@code HTTP2-Settings}, which some receivers and proxies mishandle.
 * HTTP/2 is offered only over TLS, where the server chooses it in the handshake (ALPN) or keeps HTTP/1.1.
 */
@ApplicationScoped
public class WebhookSender {

    /** The endpoint's answer is kept in the log up to this length; more is noise. */
    static final int ERROR_BODY = 300;

    @Inject
    DeliveryConfig config;
    @Inject
    Clock clock;
    @Inject
    SsrfGuard guard;

    /** Resolves endpoint names before an attempt, off the dispatcher's thread: a slow DNS server holds only these. */
    private final ExecutorService resolver = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "beckon-webhook-resolver");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "beckon-webhook-sender");
        thread.setDaemon(true);
        return thread;
    });
    private volatile HttpClient client;

    public CompletableFuture<AttemptResult> send(DeliveryJob job, WebhookEndpoint endpoint) {
        URI url = URI.create(endpoint.url);
        Instant checkedAt = clock.instant();
        return CompletableFuture.supplyAsync(() -> guard.refusalBeforeSending(url), resolver)
                .thenCompose(refusal -> refusal.isPresent()
                        ? CompletableFuture.completedFuture(AttemptResult.hopeless(checkedAt, "not sent: " + refusal.get()))
                        : post(job, endpoint, url));
    }

    private CompletableFuture<AttemptResult> post(DeliveryJob job, WebhookEndpoint endpoint, URI url) {
        byte[] body = job.payload().getBytes(StandardCharsets.UTF_8);
        Instant startedAt = clock.instant();
        String id = job.decisionId().toString();
        String timestamp = Long.toString(startedAt.getEpochSecond());
        String signatures = endpoint.secrets.stream()
                .map(secret -> StandardWebhooks.header(secret, id, timestamp, body))
                .collect(Collectors.joining(" "));
        HttpRequest request = HttpRequest.newBuilder(url)
                .version("https".equals(url.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .timeout(config.requestTimeout())
                .header("content-type", "application/json")
                .header("user-agent", "Beckon")
                .header("webhook-id", id)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", signatures)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long started = System.nanoTime();
        return client().sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        return AttemptResult.failed(startedAt, millis, null, describe(cause));
                    }
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return AttemptResult.ok(startedAt, millis, status);
                    }
                    return AttemptResult.failed(startedAt, millis, status, "HTTP " + status + answer(response.body()));
                });
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    // Redirects are not followed: a signed message goes only where the business said.
                    client = HttpClient.newBuilder().connectTimeout(config.requestTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
                }
            }
        }
        return client;
    }

    private static String answer(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String trimmed = body.strip();
        return ": " + (trimmed.length() > ERROR_BODY ? trimmed.substring(0, ERROR_BODY) + "…" : trimmed);
    }

    private static String describe(Throwable failure) {
        String name = failure.getClass().getSimpleName();
        return failure.getMessage() == null ? name : name + ": " + failure.getMessage();
    }

    @PreDestroy
    void close() {
        resolver.shutdownNow();
        executor.shutdownNow();
    }
}
