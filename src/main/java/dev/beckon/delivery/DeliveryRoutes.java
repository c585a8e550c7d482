package dev.beckon.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.campaign.Campaign;
import dev.beckon.consent.ContactPoints;
import dev.beckon.consent.ContactPoints.Consent;
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
     * @param campaigns the registered campaigns by name, and {@code now} to tell whether each is live
     */
    public record Context(Optional<String> decisionsExchange, List<WebhookEndpoint> endpoints, boolean emailOn,
                          Map<String, String> emails, Map<String, Map<String, Consent>> consent,
                          Map<String, String> heldBack, Map<String, Campaign> campaigns, Instant now) {
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
        String reason = marketingWithheldBecause(campaign, customer, customerChannel, context);
        if (reason == null) {
            return deliveries;
        }
        return deliveries.stream().map(d -> d.suppressed(reason)).toList();
    }

    /**
     * Why no delivery of this marketing decision may reach the customer, or null: first the
     * campaign (not live, or the customer is in its control group), then the customer's opt-out of
     * the channel, then an open escalation.
     */
    private static String marketingWithheldBecause(String campaign, String customer, String customerChannel,
                                                   Context context) {
        Campaign registered = campaign == null ? null : context.campaigns().get(campaign);
        if (registered != null) {
            String notLive = registered.notLiveBecause(context.now());
            if (notLive != null) {
                return notLive;
            }
            if (registered.holdsOut(customer)) {
                return "held out: the customer is in the control group of campaign " + campaign;
            }
        }
        Consent optOut = ContactPoints.optOut(context.consent().getOrDefault(customer, Map.of()), customerChannel);
        if (optOut != null) {
            return "customer opted out of " + optOut.channel() + " (" + optOut.source() + ", " + optOut.updatedAt() + ")";
        }
        return context.heldBack().get(customer);
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
