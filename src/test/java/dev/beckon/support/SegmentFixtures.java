package dev.beckon.support;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Customers, events and segments for segment tests. Tests share one database, so each segment
 * also requires an event of a type only its test sends (its "tag"): the members are that test's customers.
 */
public final class SegmentFixtures {

    private SegmentFixtures() {
    }

    /** The condition that keeps a segment to this test's customers. */
    public static Map<String, Object> tagged(String tag) {
        return Map.of("event", tag, "op", ">=", "count", 1, "withinDays", 3650);
    }

    @SafeVarargs
    public static String create(String tag, Map<String, Object>... conditions) {
        String name = unique("seg");
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(tagged(tag));
        all.addAll(List.of(conditions));
        api().body(Map.of("name", name, "conditions", all)).post("/api/segments").then().statusCode(201);
        return name;
    }

    public static List<String> members(String segment) {
        return api().get("/api/segments/" + segment + "/members?limit=500").then().statusCode(200)
                .extract().jsonPath().getList("customerId", String.class);
    }

    /** A new customer with the test's tag event. */
    public static String customer(String tag) {
        String customer = unique("c");
        send(customer, tag, 0, "{}");
        return customer;
    }

    public static void order(String customer, int daysAgo) {
        order(customer, daysAgo, 10);
    }

    public static void order(String customer, int daysAgo, int total) {
        send(customer, "order.completed", daysAgo, "{\"total\": " + total + "}");
    }

    public static void cart(String customer, int total, int daysAgo) {
        send(customer, "cart.updated", daysAgo, "{\"total\": " + total + "}");
    }

    public static void send(String customer, String type, int daysAgo, String data) {
        Instant at = Instant.now().minus(Duration.ofDays(daysAgo));
        api().body("""
                {"id": "%s", "type": "%s", "customerId": "%s", "occurredAt": "%s", "source": "test", "data": %s}
                """.formatted(unique("e"), type, customer, at, data)).post("/api/events").then().statusCode(202)
                .body("accepted", equalTo(1));
    }
}
