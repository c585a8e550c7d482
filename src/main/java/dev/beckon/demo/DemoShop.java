package dev.beckon.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * A small online shop's traffic over past weeks, made up from a seed: customers sign up, browse,
 * fill carts, order, pay, and leave feedback. The same seed gives the same events with the same
 * ids, so loading the demo twice stores nothing twice.
 */
final class DemoShop {

    static final String SOURCE = "demo";
    static final List<String> TIME_ZONES = List.of("Europe/Paris", "Europe/London", "America/New_York", "Asia/Tokyo");
    private static final List<String> PRODUCTS = List.of("trail-shoes", "rain-jacket", "wool-socks", "day-pack",
            "water-bottle", "headlamp", "fleece", "trekking-poles");

    private final Random random;
    private final Instant now;
    private final int customers;
    private final Duration span;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    DemoShop(long seed, Instant now, int customers, Duration span) {
        this.random = new Random(seed);
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.customers = customers;
        this.span = span;
    }

    static String customerId(int n) {
        return "demo-%05d".formatted(n);
    }

    /**
     * Everything before any campaign reaches anyone: sign-ups, browsing, carts, payments and
     * feedback, oldest first. Orders that follow a campaign's message come later, from {@link #order}.
     */
    ArrayNode history() {
        ArrayNode events = nodes.arrayNode();
        for (int n = 1; n <= customers; n++) {
            String customer = customerId(n);
            // Sign-ups spread over the span, leaving the last days for what follows them.
            Instant signedUp = now.minus(span).plusSeconds((long) (random.nextDouble() * (span.getSeconds() - 3 * 86_400L)));
            ObjectNode signUp = nodes.objectNode().put("email", customer + "@demo.example")
                    .put("timeZone", TIME_ZONES.get(random.nextInt(TIME_ZONES.size())));
            events.add(event(customer, "customer.signed_up", signedUp, signUp, "signup"));
            Instant at = signedUp;
            for (int v = 0, views = 1 + random.nextInt(5); v < views; v++) {
                at = at.plus(Duration.ofMinutes(5 + random.nextInt(180)));
                events.add(event(customer, "product.viewed", at,
                        nodes.objectNode().put("product", PRODUCTS.get(random.nextInt(PRODUCTS.size()))), "view" + v));
            }
            if (random.nextDouble() < 0.6) {
                at = at.plus(Duration.ofMinutes(2 + random.nextInt(30)));
                int total = 20 + random.nextInt(260);
                events.add(event(customer, "cart.updated", at, nodes.objectNode().put("total", total)
                        .put("cartId", "cart-" + n).put("items", 1 + random.nextInt(4)), "cart"));
            }
            if (random.nextDouble() < 0.05) {
                at = at.plus(Duration.ofHours(1 + random.nextInt(48)));
                events.add(event(customer, "feedback.submitted", at, nodes.objectNode().put("rating", 1 + random.nextInt(2))
                        .put("comment", "The parcel arrived late and the box was damaged."), "feedback-bad"));
            } else if (random.nextDouble() < 0.15) {
                at = at.plus(Duration.ofHours(1 + random.nextInt(48)));
                events.add(event(customer, "feedback.submitted", at, nodes.objectNode().put("rating", 4 + random.nextInt(2)),
                        "feedback-good"));
            }
            if (random.nextDouble() < 0.01) {
                at = at.plus(Duration.ofHours(1 + random.nextInt(24)));
                events.add(event(customer, "payment.authorized", at, nodes.objectNode().put("amount", 40)
                        .put("country", "FR"), "pay1"));
                events.add(event(customer, "payment.authorized", at.plusSeconds(3600), nodes.objectNode().put("amount", 45)
                        .put("country", "FR"), "pay2"));
                events.add(event(customer, "payment.authorized", at.plusSeconds(7200), nodes.objectNode().put("amount", 900)
                        .put("country", "BR"), "pay3"));
            }
        }
        return sortedByTime(events);
    }

    /**
     * Whether a customer orders after a campaign reached them ({@code treated}) or would have
     * ({@code held out}): the message lifts the chance by {@code lift}, which is the true uplift a
     * report should find. The order comes within the campaign's window, never after now.
     */
    ObjectNode order(String customer, Instant after, double baseRate, double lift, boolean treated, String tag) {
        if (random.nextDouble() >= baseRate + (treated ? lift : 0)) {
            return null;
        }
        Instant at = after.plus(Duration.ofMinutes(30 + random.nextInt(4 * 24 * 60)));
        if (!at.isBefore(now)) {
            return null;
        }
        return event(customer, "order.completed", at, nodes.objectNode().put("total", 25 + random.nextInt(200))
                .put("orderId", "order-" + customer + "-" + tag), "order-" + tag);
    }

    private ObjectNode event(String customer, String type, Instant at, ObjectNode data, String tag) {
        return nodes.objectNode().put("id", "demo-" + customer + "-" + tag).put("type", type).put("customerId", customer)
                .put("occurredAt", at.toString()).put("source", SOURCE).set("data", data);
    }

    private static ArrayNode sortedByTime(ArrayNode events) {
        List<com.fasterxml.jackson.databind.JsonNode> sorted = new java.util.ArrayList<>();
        events.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparing(e -> e.path("occurredAt").asText()));
        ArrayNode ordered = JsonNodeFactory.instance.arrayNode();
        sorted.forEach(ordered::add);
        return ordered;
    }
}
