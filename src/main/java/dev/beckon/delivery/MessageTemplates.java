package dev.beckon.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.audit.AuditLog;
import dev.beckon.campaign.CampaignNames;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Editing message templates, for the API and the console alike: a template is saved only if all
 * three parts parse and render for a sample offer, so a typo shows up in the editor with its line,
 * not later as dead deliveries.
 */
@ApplicationScoped
public class MessageTemplates {

    static final int MAX_PART = 100_000;

    public record Draft(String subject, String html, String text) {
    }

    @Inject
    MessageRenderer renderer;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /** The email a sample offer of {@code campaign} would send with this draft; a 400 naming the part that fails. */
    public RenderedEmail preview(String campaign, Draft draft) {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "subject", draft == null ? null : draft.subject());
        check(errors, "html", draft == null ? null : draft.html());
        check(errors, "text", draft == null ? null : draft.text());
        if (!campaign.equals(MessageTemplate.DEFAULT) && !CampaignNames.isValid(campaign)) {
            errors.add(new FieldError("campaign", "a campaign name (" + CampaignNames.RULE + "), or * for the default template"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The template is not complete", errors);
        }
        try {
            return renderer.render(draft.subject(), draft.html(), draft.text(), sample(campaign), "ada@example.com");
        } catch (MessageRenderer.TemplateProblem e) {
            throw ProblemException.badRequest("The template does not render", e.errors());
        }
    }

    @Transactional
    public MessageTemplate save(String campaign, Draft draft) {
        preview(campaign, draft);
        MessageTemplate template = MessageTemplate.findById(campaign);
        boolean created = template == null;
        if (created) {
            template = new MessageTemplate();
            template.campaign = campaign;
        }
        template.subject = draft.subject();
        template.html = draft.html();
        template.text = draft.text();
        template.updatedBy = audit.actor();
        template.updatedAt = clock.instant();
        template.persist();
        audit.record(created ? "message-template.created" : "message-template.updated", "message-template:" + campaign,
                Map.of());
        return template;
    }

    private static void check(List<FieldError> errors, String part, String content) {
        if (content == null || content.isBlank()) {
            errors.add(new FieldError(part, "is required"));
        } else if (content.length() > MAX_PART) {
            errors.add(new FieldError(part, "is longer than " + MAX_PART + " characters"));
        }
    }

    /** A decision message like the ones templates render for: an offer with a code, a discount and an expiry. */
    ObjectNode sample(String campaign) {
        ObjectNode message = json.createObjectNode();
        message.put("decisionId", "00000000-0000-0000-0000-000000000001");
        message.put("kind", "offer");
        message.put("status", "decided");
        message.put("customerId", "c-123");
        message.put("eventId", "evt-1");
        message.put("rule", "Sample rule");
        message.put("ruleSetVersion", 1);
        message.put("campaign", campaign.equals(MessageTemplate.DEFAULT) ? "sample-campaign" : campaign);
        message.put("decidedAt", clock.instant().toString());
        ObjectNode details = message.putObject("details");
        details.put("percentOff", 10);
        details.put("code", "SAMPLE10");
        details.put("channel", "email");
        details.put("message", "The shoes you left in your cart are still there.");
        details.put("expiresAt", clock.instant().plusSeconds(7 * 86_400).toString());
        return message;
    }
}
