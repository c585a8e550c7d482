package dev.beckon.faults;

import dev.beckon.faults.PlannedEvent.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The stream a scenario sends: starter-pack event types over many customers, each customer on one
 * channel (per-customer order is promised within a channel, not across two). Shoppers view pages,
 * update carts and order, so follow-ups are made, fired, superseded and cancelled, and orders get
 * offers; reviewers leave feedback, and low ratings are escalated. The two groups are apart because
 * an open escalation holds back a customer's marketing, which would blur the delivery count.
 */
final class TrafficPlan {

    /** Customers per event: each customer gets about ten events, spread over the whole stream. */
    private static final int EVENTS_PER_CUSTOMER = 10;

    private final List<PlannedEvent> events;

    private TrafficPlan(List<PlannedEvent> events) {
        this.events = events;
    }

    /** {@code webhookShare} of the customers (0..1) send over signed webhooks, the others over RabbitMQ. */
    static TrafficPlan generate(String run, int count, double webhookShare, long seed) {
        Random random = new Random(seed);
        int customers = Math.max(1, count / EVENTS_PER_CUSTOMER);
        int[] seqs = new int[customers];
        List<PlannedEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int c = random.nextInt(customers);
            boolean reviewer = c % 4 == 3;
            Channel channel = (c * 0.618034) % 1.0 < webhookShare ? Channel.webhook : Channel.rabbitmq;
            String customer = run + "-c" + c;
            int seq = ++seqs[c];
            String type;
            String data;
            int roll = random.nextInt(100);
            if (reviewer) {
                if (roll < 50) {
                    type = "page.viewed";
                    data = "\"url\":\"/help/" + random.nextInt(50) + "\"";
                } else {
                    type = "feedback.submitted";
                    data = "\"rating\":" + (1 + random.nextInt(5)) + ",\"text\":\"about the delivery\"";
                }
            } else if (roll < 40) {
                type = "page.viewed";
                data = "\"url\":\"/products/" + random.nextInt(1000) + "\"";
            } else if (roll < 75) {
                type = "cart.updated";
                int total = 20 + random.nextInt(200);
                data = "\"total\":" + total + ".90,\"currency\":\"EUR\",\"items\":[{\"sku\":\"shoe-" + random.nextInt(500)
                        + "\",\"qty\":1,\"price\":" + total + ".90}]";
            } else {
                type = "order.completed";
                data = "\"orderId\":\"o-" + i + "\",\"total\":" + (10 + random.nextInt(400)) + ".00,\"currency\":\"EUR\"";
            }
            events.add(new PlannedEvent(customer + "-" + seq, type, customer, seq, channel, data));
        }
        return new TrafficPlan(events);
    }

    List<PlannedEvent> events() {
        return events;
    }

    long count(Channel channel) {
        return events.stream().filter(e -> e.channel() == channel).count();
    }
}
