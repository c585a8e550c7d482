package dev.beckon.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates the benchmark's events: about 1 KB each, mixed starter-pack types, spread over many customers. */
final class BenchmarkEvents {

    private static final String[] TYPES = {
        "page.viewed", "page.viewed", "product.viewed", "product.viewed", "cart.updated", "cart.updated",
        "order.completed", "payment.authorized", "feedback.submitted", "customer.signed_up"
    };

    private BenchmarkEvents() {
    }

    record Generated(String id, String type, String json) {
    }

    static List<Generated> generate(String run, int count, int customers, long seed) {
        Random random = new Random(seed);
        List<Generated> events = new ArrayList<>(count);
        String padding = "x".repeat(760);
        for (int i = 0; i < count; i++) {
            String type = TYPES[random.nextInt(TYPES.length)];
            String id = run + "-" + i;
            String customer = run + "-c" + random.nextInt(customers);
            String data = switch (type) {
                case "cart.updated" -> "\"cartId\": \"k-%d\", \"total\": %d.90, \"currency\": \"EUR\", \"items\": [{\"sku\": \"shoe-%d\", \"qty\": 1, \"price\": %d.90}]"
                        .formatted(i, 20 + random.nextInt(200), random.nextInt(500), 20 + random.nextInt(200));
                case "order.completed" -> "\"orderId\": \"o-%d\", \"total\": %d.00, \"currency\": \"EUR\"".formatted(i, 10 + random.nextInt(400));
                case "payment.authorized" -> "\"amount\": %d.00, \"country\": \"%s\"".formatted(10 + random.nextInt(300),
                        random.nextInt(20) == 0 ? "BR" : "DE");
                case "feedback.submitted" -> "\"rating\": %d, \"text\": \"about the delivery\"".formatted(1 + random.nextInt(5));
                default -> "\"url\": \"/products/%d\", \"referrer\": \"search\"".formatted(random.nextInt(1000));
            };
            String json = """
                    {"id": "%s", "type": "%s", "customerId": "%s", "occurredAt": "%s", "source": "bench", \
                    "correlationId": "corr-%d", "data": {%s, "notes": "%s"}}""".formatted(id, type, customer,
                    Instant.now(), i, data, padding);
            events.add(new Generated(id, type, json));
        }
        return events;
    }
}
