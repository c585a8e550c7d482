package dev.beckon.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.policy.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where one decision message goes: the decisions exchange when RabbitMQ is configured, every
 * endpoint that asked for its kind and campaign, and, for marketing meant for the customer's inbox,
 * an email. Marketing the policy withheld (see {@link Verdict}) is still planned, as suppressed with
 * the reason, so the decision's record says why nobody heard of it; marketing held for quiet hours
 * is planned to go out when they end.
 */
public final class DeliveryRoutes {

    /** Offers and follow-ups reach customers with promotions; escalations reach the business's staff. */
    public static final Set<String> MARKETING = Set.of("offer", "followup");
    /** The channel of a message that names none: follow-ups decided before they could name one. */
    static final String DEFAULT_CUSTOMER_CHANNEL = "email";

    /** What planning a batch of messages needs to know about where messages can go, read once per batch. */
    public record Context(Optional<String> decisionsExchange, List<WebhookEndpoint> endpoints, boolean emailOn,
                          Map<String, String> emails) {
    }

    private DeliveryRoutes() {
    }

    /** The message's deliveries; {@code verdict} is the policy's for marketing, null for anything else. */
    public static List<PlannedDelivery> plan(long outboxId, UUID decisionId, String messageType, ObjectNode message,
                                             Context context, Verdict verdict) {
        String kind = message.path("kind").asText();
        String campaign = message.path("campaign").isTextual() ? message.path("campaign").asText() : null;
        String customer = message.path("customerId").asText();
        Instant heldUntil = verdict == null ? null : verdict.heldUntil();
        List<PlannedDelivery> deliveries = new ArrayList<>();
        context.decisionsExchange().ifPresent(exchange -> deliveries.add(
                new PlannedDelivery(outboxId, decisionId, messageType, PlannedDelivery.RABBITMQ, exchange, message, null, heldUntil)));
        ObjectNode webhook = null;
        for (WebhookEndpoint endpoint : context.endpoints()) {
            if (endpoint.wants(kind, campaign)) {
                webhook = webhook != null ? webhook : webhookBody(messageType, message);
                deliveries.add(new PlannedDelivery(outboxId, decisionId, messageType, PlannedDelivery.WEBHOOK, endpoint.name, webhook,
                        null, heldUntil));
            }
        }
        if (!MARKETING.contains(kind)) {
            return deliveries;
        }
        if (customerChannel(message).equals(PlannedDelivery.EMAIL)) {
            String email = context.emails().get(customer);
            PlannedDelivery delivery = new PlannedDelivery(outboxId, decisionId, messageType, PlannedDelivery.EMAIL,
                    email == null ? "(no address)" : email, message, null, heldUntil);
            if (!context.emailOn()) {
                delivery = delivery.suppressed("email is off: no SMTP server is configured (BECKON_SMTP_HOST)");
            } else if (email == null) {
                delivery = delivery.suppressed("no email address is known for the customer");
            }
            deliveries.add(delivery);
        }
        String withheld = verdict == null ? null : verdict.withheldBecause();
        if (withheld == null) {
            return deliveries;
        }
        return deliveries.stream().map(d -> d.suppressed(withheld)).toList();
    }

    /** The channel a marketing decision reaches the customer on: the offer's, or email. */
    public static String customerChannel(JsonNode message) {
        JsonNode channel = message.path("details").path("channel");
        return channel.isTextual() && !channel.asText().isBlank() ? channel.asText() : DEFAULT_CUSTOMER_CHANNEL;
    }

    /** The Standard Webhooks payload shape: a type, a timestamp, and the message as data. */
    static ObjectNode webhookBody(String messageType, ObjectNode message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", messageType);
        body.put("timestamp", message.hasNonNull("firedAt") ? message.get("firedAt").asText() : message.path("decidedAt").asText());
        body.set("data", message);
        return body;
    }
}
