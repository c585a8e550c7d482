package dev.beckon.delivery;

import dev.beckon.audit.AuditLog;
import dev.beckon.ingest.webhook.WebhookSecrets;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The business's endpoints for decisions, for the API and the console alike: Beckon makes each
 * secret and shows it once, when the endpoint is created or its secret rotated; every change is audited.
 */
@Transactional
@ApplicationScoped
public class WebhookEndpoints {

    static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
    static final Set<String> KINDS = Set.of("offer", "followup", "escalation");

    public record EndpointRequest(String name, String url, List<String> kinds, List<String> campaigns) {
    }

    /** An endpoint as listed: its secrets are counted, never shown. */
    public record View(String name, String url, List<String> kinds, List<String> campaigns, boolean enabled,
                       int secrets) {
        static View of(WebhookEndpoint e) {
            return new View(e.name, e.url, e.kinds, e.campaigns, e.enabled, e.secrets.size());
        }
    }

    /** The answer to a creation or rotation: the one time the new secret is shown. */
    public record WithSecret(View endpoint, String secret) {
    }

    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    SsrfGuard guard;

    public List<View> list() {
        return WebhookEndpoint.<WebhookEndpoint>listAll().stream().map(View::of).toList();
    }

    public View get(String name) {
        return View.of(find(name));
    }

    public WithSecret create(EndpointRequest request) {
        validate(request, true);
        if (WebhookEndpoint.findById(request.name()) != null) {
            throw ProblemException.conflict("An endpoint named " + request.name() + " exists already");
        }
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.name = request.name();
        apply(endpoint, request);
        String secret = WebhookSecrets.generate("standard");
        endpoint.secrets = List.of(secret);
        endpoint.enabled = true;
        endpoint.createdAt = clock.instant();
        endpoint.persist();
        audit.record("webhook-endpoint.created", "webhook-endpoint:" + endpoint.name, Map.of("url", endpoint.url));
        return new WithSecret(View.of(endpoint), secret);
    }

    public View update(String name, EndpointRequest request) {
        validate(request, false);
        WebhookEndpoint endpoint = find(name);
        apply(endpoint, request);
        audit.record("webhook-endpoint.updated", "webhook-endpoint:" + name, Map.of("url", endpoint.url));
        return View.of(endpoint);
    }

    /**
     * A new secret, used beside the old one: messages carry a signature for each until
     * {@code retire-old-secret}, so the receiver can switch without missing a message.
     */
    public WithSecret rotateSecret(String name) {
        WebhookEndpoint endpoint = find(name);
        String secret = WebhookSecrets.generate("standard");
        endpoint.secrets = List.of(secret, endpoint.secrets.get(0));
        audit.record("webhook-endpoint.secret-rotated", "webhook-endpoint:" + name, Map.of());
        return new WithSecret(View.of(endpoint), secret);
    }

    public View retireOldSecret(String name) {
        WebhookEndpoint endpoint = find(name);
        endpoint.secrets = List.of(endpoint.secrets.get(0));
        audit.record("webhook-endpoint.old-secret-retired", "webhook-endpoint:" + name, Map.of());
        return View.of(endpoint);
    }

    /** Removes an endpoint; deliveries still waiting for it become dead, with the reason. */
    public void delete(String name) {
        find(name).delete();
        audit.record("webhook-endpoint.deleted", "webhook-endpoint:" + name, Map.of());
    }

    public View enable(String name) {
        return setEnabled(name, true);
    }

    public View disable(String name) {
        return setEnabled(name, false);
    }

    private View setEnabled(String name, boolean enabled) {
        WebhookEndpoint endpoint = find(name);
        endpoint.enabled = enabled;
        audit.record(enabled ? "webhook-endpoint.enabled" : "webhook-endpoint.disabled", "webhook-endpoint:" + name,
                Map.of());
        return View.of(endpoint);
    }

    private static void apply(WebhookEndpoint endpoint, EndpointRequest request) {
        endpoint.url = request.url();
        endpoint.kinds = request.kinds() == null ? List.of() : List.copyOf(request.kinds());
        endpoint.campaigns = request.campaigns() == null ? List.of() : List.copyOf(request.campaigns());
    }

    private void validate(EndpointRequest request, boolean named) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw ProblemException.badRequest("The endpoint is missing", List.of(new FieldError("url", "is required")));
        }
        if (named && (request.name() == null || !NAME.matcher(request.name()).matches())) {
            errors.add(new FieldError("name", "must be lower case letters, digits, '-' or '_' (at most 64)"));
        }
        if (!isHttpUrl(request.url())) {
            errors.add(new FieldError("url", "must be an absolute http:// or https:// URL"));
        } else {
            guard.refusalAtRegistration(URI.create(request.url()))
                    .ifPresent(refusal -> errors.add(new FieldError("url", "is refused: " + refusal)));
        }
        if (request.kinds() != null && !KINDS.containsAll(request.kinds())) {
            errors.add(new FieldError("kinds", "may only hold " + KINDS));
        }
        if (request.campaigns() != null && request.campaigns().stream().anyMatch(c -> c == null || c.isBlank())) {
            errors.add(new FieldError("campaigns", "must not hold blank names"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The endpoint is not valid", errors);
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = url == null ? null : new URI(url);
            return uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static WebhookEndpoint find(String name) {
        WebhookEndpoint endpoint = WebhookEndpoint.findById(name);
        if (endpoint == null) {
            throw ProblemException.notFound("No webhook endpoint " + name);
        }
        return endpoint;
    }
}
