package dev.beckon.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.platform.FieldError;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a campaign's message templates for one decision. Templates are Qute, edited in the
 * console: the HTML body escapes every value it inserts (a customer id or a message never becomes
 * markup), the subject and text body do not need to. What a template may use: {@code customer.id},
 * {@code customer.email}, {@code decision.kind|campaign|rule|id}, {@code message}, {@code offer.code|percentOff|amountOff},
 * {@code expiresAt}, and {@code details} (everything the rule decided).
 */
@ApplicationScoped
public class MessageRenderer {

    private static final Variant HTML = new Variant(Locale.ROOT, "text/html", "UTF-8");
    private static final Variant TEXT = new Variant(Locale.ROOT, "text/plain", "UTF-8");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Inject
    Engine engine;
    @Inject
    ObjectMapper json;

    /** Thrown when a template does not parse or render; says which part and where. */
    public static class TemplateProblem extends RuntimeException {
        private final transient List<FieldError> errors;

        TemplateProblem(List<FieldError> errors) {
            super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
            this.errors = errors;
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** Renders the three parts for a decision message (as published on {@code beckon.decisions}) and an address. */
    public RenderedEmail render(String subject, String html, String text, JsonNode decisionMessage, String email) {
        Map<String, Object> data = data(decisionMessage, email);
        List<FieldError> errors = new ArrayList<>();
        String renderedSubject = render("subject", subject, TEXT, data, errors);
        String renderedHtml = render("html", html, HTML, data, errors);
        String renderedText = render("text", text, TEXT, data, errors);
        if (!errors.isEmpty()) {
            throw new TemplateProblem(errors);
        }
        return new RenderedEmail(renderedSubject.strip().replaceAll("\\s+", " "), renderedHtml, renderedText);
    }

    public RenderedEmail render(MessageTemplate template, JsonNode decisionMessage, String email) {
        return render(template.subject, template.html, template.text, decisionMessage, email);
    }

    private String render(String part, String content, Variant variant, Map<String, Object> data, List<FieldError> errors) {
        try {
            Template template = engine.parse(content, variant);
            return template.data(data).render();
        } catch (TemplateException e) {
            Integer line = e.getOrigin() == null ? null : e.getOrigin().getLine();
            errors.add(new FieldError(part, e.getMessage(), line, null));
            return "";
        }
    }

    private Map<String, Object> data(JsonNode message, String email) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", message.path("customerId").asText());
        customer.put("email", email);
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("id", message.path("decisionId").asText());
        decision.put("kind", message.path("kind").asText());
        decision.put("campaign", message.path("campaign").asText(null));
        decision.put("rule", message.path("rule").asText());
        decision.put("decidedAt", message.path("decidedAt").asText());
        JsonNode details = message.path("details");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("customer", customer);
        data.put("decision", decision);
        data.put("details", json.convertValue(details, MAP));
        data.put("message", details.path("message").asText(""));
        JsonNode offer = details.has("offer") ? details.path("offer") : details;
        Map<String, Object> offerTerms = new LinkedHashMap<>();
        for (String term : List.of("code", "percentOff", "amountOff")) {
            if (offer.hasNonNull(term)) {
                JsonNode value = offer.get(term);
                offerTerms.put(term, value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asText());
            }
        }
        data.put("offer", offerTerms);
        if (details.hasNonNull("expiresAt")) {
            data.put("expiresAt", details.get("expiresAt").asText());
        }
        return data;
    }
}
