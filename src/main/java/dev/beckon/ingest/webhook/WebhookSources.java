package dev.beckon.ingest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.audit.AuditLog;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Creating and changing webhook sources, for the API and the console alike. Every change is written
 * to the audit log in the same transaction; secrets never are, nor are they given back.
 */
@ApplicationScoped
public class WebhookSources {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final FieldError SECRETS_RULE = new FieldError("secrets", "one or two secrets of at least 16 characters");
    static final int MIN_SECRET_LENGTH = 16;

    /** A new source: its name (the endpoint is /hooks/{name}), its scheme, one or two secrets, and a preset or a mapping. */
    public record NewSource(String name, String scheme, List<String> secrets, String preset, PayloadMapping mapping) {
    }

    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;
    @Inject
    WebhookReceiver receiver;

    @Transactional
    public List<WebhookSource> list() {
        return WebhookSource.<WebhookSource>listAll(Sort.ascending("name"));
    }

    @Transactional
    public WebhookSource find(String name) {
        WebhookSource source = name == null ? null : WebhookSource.findById(name);
        if (source == null) {
            throw ProblemException.notFound("No webhook source " + name);
        }
        return source;
    }

    @Transactional
    public WebhookSource create(NewSource request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.name() == null || !NAME.matcher(request.name()).matches()) {
            errors.add(new FieldError("name", "must be lower case letters, digits, '-' or '_' (at most 64)"));
        }
        if (request == null || request.scheme() == null || !WebhookSource.SCHEMES.containsKey(request.scheme())) {
            errors.add(new FieldError("scheme", "must be one of " + WebhookSource.SCHEMES.keySet()));
        }
        if (request == null || !validSecrets(request.secrets())) {
            errors.add(SECRETS_RULE);
        }
        if (request != null) {
            errors.addAll(mappingErrors(request.preset(), request.mapping()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The source is not complete", errors);
        }
        if (WebhookSource.findById(request.name()) != null) {
            throw ProblemException.conflict("A webhook source named " + request.name() + " exists already");
        }
        WebhookSource source = new WebhookSource();
        source.name = request.name();
        source.scheme = request.scheme();
        source.secrets = List.copyOf(request.secrets());
        source.enabled = true;
        source.mapping = mappingTree(request.preset(), request.mapping());
        source.createdAt = clock.instant();
        source.persist();
        audit.record("webhook-source.created", target(source), Map.of("scheme", source.scheme));
        return source;
    }

    /** Replaces every secret at once (one, or two while the sender moves to the new one); the old ones stop working. */
    @Transactional
    public WebhookSource replaceSecrets(String name, List<String> secrets) {
        WebhookSource source = find(name);
        if (!validSecrets(secrets)) {
            throw ProblemException.badRequest("The secrets are not valid", List.of(SECRETS_RULE));
        }
        source.secrets = List.copyOf(secrets);
        audit.record("webhook-source.secrets-rotated", target(source), Map.of("secrets", secrets.size()));
        return source;
    }

    /**
     * The first step of a rotation: a new secret beside the current one, both accepted until the
     * sender signs with the new one and the old one is {@linkplain #retireOldSecret retired}.
     */
    @Transactional
    public WebhookSource addSecret(String name, String secret) {
        WebhookSource source = find(name);
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw ProblemException.badRequest("The secret is not valid",
                    List.of(new FieldError("secret", "must be at least " + MIN_SECRET_LENGTH + " characters")));
        }
        if (source.secrets.size() >= 2) {
            throw ProblemException.conflict("Source " + name + " has two active secrets: retire the old one first");
        }
        source.secrets = List.of(source.secrets.get(0), secret);
        audit.record("webhook-source.secret-added", target(source), Map.of("secrets", source.secrets.size()));
        return source;
    }

    /** The last step of a rotation: only the newest secret stays active. */
    @Transactional
    public WebhookSource retireOldSecret(String name) {
        WebhookSource source = find(name);
        if (source.secrets.size() < 2) {
            throw ProblemException.conflict("Source " + name + " has one secret; it cannot be retired before a new one is added");
        }
        source.secrets = List.of(source.secrets.get(source.secrets.size() - 1));
        audit.record("webhook-source.secret-retired", target(source), Map.of("secrets", source.secrets.size()));
        return source;
    }

    @Transactional
    public WebhookSource setEnabled(String name, boolean enabled) {
        WebhookSource source = find(name);
        source.enabled = enabled;
        audit.record(enabled ? "webhook-source.enabled" : "webhook-source.disabled", target(source), Map.of());
        return source;
    }

    /** Sets the mapping to a preset or a mapping of its own; with neither, payloads must be Beckon events as they are. */
    @Transactional
    public WebhookSource changeMapping(String name, String preset, PayloadMapping mapping) {
        WebhookSource source = find(name);
        List<FieldError> errors = mappingErrors(preset, mapping);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The mapping is not valid", errors);
        }
        source.mapping = mappingTree(preset, mapping);
        audit.record("webhook-source.mapping-changed", target(source),
                Map.of("mapping", preset != null ? "preset " + preset : mapping != null ? "own" : "none"));
        return source;
    }

    /** "Try it": the events a sample payload maps to with the source's mapping, or the exact error. Nothing is stored. */
    public List<ObjectNode> tryMapping(String name, JsonNode payload) {
        WebhookSource source = QuarkusTransaction.requiringNew().call(() -> find(name));
        if (source.mapping == null) {
            throw ProblemException.badRequest("This source has no mapping: it takes Beckon events as they are",
                    List.of(new FieldError("mapping", "is not set")));
        }
        if (payload == null || payload.isMissingNode()) {
            throw ProblemException.badRequest("There is no sample payload", List.of(new FieldError("payload", "is empty")));
        }
        return receiver.map(source, payload);
    }

    /** The mapping a source has, as written; null when it takes Beckon events as they are. */
    public PayloadMapping mappingOf(WebhookSource source) {
        return source.mapping == null ? null : json.convertValue(source.mapping, PayloadMapping.class);
    }

    /** The name of the preset a source's mapping is, or null for a mapping of its own or none. */
    public String presetOf(WebhookSource source) {
        PayloadMapping mapping = mappingOf(source);
        return mapping == null ? null : PayloadMapping.PRESETS.entrySet().stream()
                .filter(preset -> preset.getValue().equals(mapping)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    static boolean validSecrets(List<String> secrets) {
        return secrets != null && !secrets.isEmpty() && secrets.size() <= 2
                && secrets.stream().allMatch(s -> s != null && s.length() >= MIN_SECRET_LENGTH);
    }

    private static List<FieldError> mappingErrors(String preset, PayloadMapping mapping) {
        List<FieldError> errors = new ArrayList<>();
        if (preset != null && !PayloadMapping.PRESETS.containsKey(preset)) {
            errors.add(new FieldError("preset", "must be one of " + PayloadMapping.PRESETS.keySet()));
        }
        if (preset != null && mapping != null) {
            errors.add(new FieldError("mapping", "give a preset or a mapping, not both"));
        }
        return errors;
    }

    private JsonNode mappingTree(String preset, PayloadMapping mapping) {
        PayloadMapping chosen = preset != null ? PayloadMapping.PRESETS.get(preset) : mapping;
        return chosen == null ? null : json.valueToTree(chosen);
    }

    private static String target(WebhookSource source) {
        return "webhook-source:" + source.name;
    }
}
