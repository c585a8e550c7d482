package dev.beckon.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.consent.ContactPoints;
import dev.beckon.consent.ContactPoints.Consent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where one decision message goes: the decisions exchange when RabbitMQ is configured, every
 * endpoint that asked for its kind and campaign, and, for marketing meant for the customer's inbox,
 * an email. Marketing for a channel the customer opted out of, or for a customer with an escalation
 * still open, is still planned, as suppressed with the reason, so the decision's record says why
 * nobody heard of it.
 */
public final class DeliveryRoutes {

    /** Offers and follow-ups reach customers with promotions; escalations reach the business's staff. */
    static final Set<String> MARKETING = Set.of("offer", "followup");
    /** The channel a follow-up reaches the customer on: follow-ups name none yet. */
    static final String DEFAULT_CUSTOMER_CHANNEL = "email";

    /**
     * What planning a batch of messages needs to know, read once per batch.
     *
     * @param heldBack why marketing waits, for each customer with an escalation not yet resolved
     * @param campaignsNotLive why a campaign's decisions are not delivered, for each campaign that is not live
     * @param holdout whether a customer is in a registered campaign's control group
     */
    public record Context(Optional<String> decisionsExchange, List<WebhookEndpoint> endpoints, boolean emailOn,
                          Map<String, String> emails, Map<String, Map<String, Consent>> consent,
                          Map<String, String> heldBack, Map<String, String> campaignsNotLive,
                          java.util.function.BiPredicate<String, String> holdout) {
    }

    private DeliveryRoutes() {
    }

    public static List<PlannedDelivery> plan(UUID decisionId, String messageType, ObjectNode message, Context context) {
        String kind = message.path("kind").asText();
        String campaign = message.path("campaign").isTextual() ? message.path("campaign").asText() : null;
        String customer = message.path("customerId").asText();
        List<PlannedDelivery> deliveries = new ArrayList<>();
        context.decisionsExchange().ifPresent(exchange ->
                deliveries.add(new PlannedDelivery(decisionId, messageType, PlannedDelivery.RABBITMQ, exchange, message, null)));
        ObjectNode webhook = null;
        for (WebhookEndpoint endpoint : context.endpoints()) {
            if (endpoint.wants(kind, campaign)) {
                webhook = webhook != null ? webhook : webhookBody(messageType, message);
                deliveries.add(new PlannedDelivery(decisionId, messageType, PlannedDelivery.WEBHOOK, endpoint.name, webhook, null));
            }
        }
        if (!MARKETING.contains(kind)) {
            return deliveries;
        }
        String customerChannel = customerChannel(message);
        if (customerChannel.equals(PlannedDelivery.EMAIL)) {
            String email = context.emails().get(customer);
            PlannedDelivery delivery = new PlannedDelivery(decisionId, messageType, PlannedDelivery.EMAIL,
                    email == null ? "(no address)" : email, message, null);
            if (!context.emailOn()) {
                delivery = delivery.suppressed("email is off: no SMTP server is configured (BECKON_SMTP_HOST)");
            } else if (email == null) {
                delivery = delivery.suppressed("no email address is known for the customer");
            }
            deliveries.add(delivery);
        }
        Consent optOut = ContactPoints.optOut(context.consent().getOrDefault(customer, Map.of()), customerChannel);
        String reason = campaign != null && context.campaignsNotLive().containsKey(campaign)
                ? context.campaignsNotLive().get(campaign)
                : campaign != null && context.holdout().test(campaign, customer)
                ? "held out: the customer is in the control group of campaign " + campaign
                : optOut != null
                ? "customer opted out of " + optOut.channel() + " (" + optOut.source() + ", " + optOut.updatedAt() + ")"
                : context.heldBack().get(customer);
        if (reason == null) {
            return deliveries;
        }
        return deliveries.stream().map(d -> d.suppressed(reason)).toList();
    }

    /** The channel a marketing decision reaches the customer on: the offer's, or email. */
    static String customerChannel(JsonNode message) {
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
