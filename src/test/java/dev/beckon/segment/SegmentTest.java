package dev.beckon.segment;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static dev.beckon.support.SegmentFixtures.cart;
import static dev.beckon.support.SegmentFixtures.create;
import static dev.beckon.support.SegmentFixtures.customer;
import static dev.beckon.support.SegmentFixtures.members;
import static dev.beckon.support.SegmentFixtures.order;
import static dev.beckon.support.SegmentFixtures.send;
import static dev.beckon.support.SegmentFixtures.tagged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import dev.beckon.audit.AuditEntry;
import dev.beckon.support.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Segments computed from real profiles and events, over the API (see {@link dev.beckon.support.SegmentFixtures}). */
@QuarkusTest
class SegmentTest {

    @Inject
    SegmentRefresher refresher;
    @Inject
    SegmentConfig config;
    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void refusesADefinitionNamingEachWrongFieldAndWhy() {
        api().body(Map.of("name", "Not A Name", "conditions", List.of(
                        Map.of("profile", "shoe_size", "op", ">", "value", 3),
                        Map.of("profile", "order_count", "op", "=>"),
                        Map.of("event", "order.completed", "op", ">="),
                        Map.of("op", ">", "value", 1),
                        Map.of("event", "order.completed", "op", ">=", "count", 1, "withinDays", 7,
                                "where", Map.of("field", "total; drop table events", "op", ">", "value", 1)))))
                .post("/api/segments").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "conditions[0].profile", "conditions[1].op",
                        "conditions[1].value", "conditions[2].count", "conditions[2].withinDays", "conditions[3]",
                        "conditions[4].where.field"))
                .body("errors.find { it.field == 'conditions[0].profile' }.message", org.hamcrest.Matchers.containsString("lifetime_spend"));
        api().body(Map.of("name", unique("empty"), "conditions", List.of())).post("/api/segments").then().statusCode(400)
                .body("errors[0].field", equalTo("conditions"));
        api().body(Map.of("name", unique("typo"), "conditions", List.of(Map.of("profile", "order_count", "op", ">",
                        "value", 1, "colour", "red")))).post("/api/segments").then().statusCode(400)
                .body("errors[0].field", equalTo("conditions[0].colour"));
    }

    @Test
    void customersWhoOrderedAtLeastTwiceInThirtyDaysAreMembers() {
        String tag = unique("seg.tag");
        String twiceRecently = customer(tag);
        order(twiceRecently, 5);
        order(twiceRecently, 20);
        String onceRecently = customer(tag);
        order(onceRecently, 5);
        order(onceRecently, 40);
        String longAgo = customer(tag);
        order(longAgo, 31);
        order(longAgo, 45);
        order(longAgo, 60);

        String segment = create(tag, Map.of("event", "order.completed", "op", ">=", "count", 2, "withinDays", 30));

        api().get("/api/segments/" + segment).then().statusCode(200).body("memberCount", equalTo(1));
        assertThat(members(segment)).containsExactly(twiceRecently);
    }

    @Test
    void customersWithACartOverAHundredAndNoOrderInSevenDaysAreMembers() {
        String tag = unique("seg.tag");
        String abandoned = customer(tag);
        cart(abandoned, 150, 1);
        String orderedThisWeek = customer(tag);
        order(orderedThisWeek, 3);
        cart(orderedThisWeek, 150, 1);
        String orderedLastMonth = customer(tag);
        order(orderedLastMonth, 20);
        cart(orderedLastMonth, 120, 1);
        String smallCart = customer(tag);
        cart(smallCart, 50, 1);

        String segment = create(tag, Map.of("profile", "open_cart_value", "op", ">", "value", 100),
                Map.of("event", "order.completed", "op", "=", "count", 0, "withinDays", 7));

        assertThat(members(segment)).containsExactlyInAnyOrder(abandoned, orderedLastMonth);
    }

    @Test
    void countsOnlyEventsWhoseDataFieldCompares() {
        String tag = unique("seg.tag");
        String big = customer(tag);
        send(big, "order.completed", 2, "{\"total\": 250}");
        String small = customer(tag);
        send(small, "order.completed", 2, "{\"total\": \"40\"}");
        String noTotal = customer(tag);
        send(noTotal, "order.completed", 2, "{\"total\": \"lots\"}");

        String segment = create(tag, Map.of("event", "order.completed", "op", ">=", "count", 1, "withinDays", 30,
                "where", Map.of("field", "total", "op", ">=", "value", 100)));

        assertThat(members(segment)).containsExactly(big);
    }

    @Test
    void newEventsChangeMembersAtTheRefresherRoundAfterTheySettle() {
        String tag = unique("seg.tag");
        String joining = customer(tag);
        cart(joining, 50, 0);
        String leaving = customer(tag);
        cart(leaving, 300, 0);
        String segment = create(tag, Map.of("profile", "open_cart_value", "op", ">", "value", 100));
        assertThat(members(segment)).containsExactly(leaving);

        cart(joining, 180, 0);
        order(leaving, 0); // an order empties the cart
        refresher.refreshDue();
        assertThat(members(segment)).as("events younger than the settle time wait for a later round").containsExactly(leaving);

        clock.advance(config.settleTime().plusSeconds(1));
        refresher.refreshDue();
        assertThat(members(segment)).containsExactly(joining);
        api().get("/api/segments/" + segment).then().body("memberCount", equalTo(1));
    }

    @Test
    void aMemberLeavesWhenTheClockMovesPastItsWindowAtTheNextFullRefresh() {
        String tag = unique("seg.tag");
        String recent = customer(tag);
        order(recent, 0);
        String segment = create(tag, Map.of("event", "order.completed", "op", ">=", "count", 1, "withinDays", 7));
        assertThat(members(segment)).containsExactly(recent);

        clock.advance(Duration.ofDays(6));
        refresher.refreshDue();
        assertThat(members(segment)).containsExactly(recent);

        clock.advance(Duration.ofDays(2));
        refresher.refreshDue();
        assertThat(members(segment)).isEmpty();
        api().get("/api/segments/" + segment).then().body("memberCount", equalTo(0));
    }

    @Test
    void anErasedCustomerLeavesTheirSegmentsAtOnceAndTheirExportShowsThem() {
        String tag = unique("seg.tag");
        String customer = customer(tag);
        order(customer, 1);
        String segment = create(tag, Map.of("profile", "order_count", "op", ">=", "value", 1));
        api().get("/api/customers/{id}/export", customer).then().statusCode(200)
                .body("segments.segment", containsInAnyOrder(segment));

        api().body(Map.of("confirm", customer)).post("/api/customers/{id}/erase", customer).then().statusCode(200);

        assertThat(members(segment)).isEmpty();
    }

    @Test
    void segmentsAreListedChangedRefreshedAndDeletedOverTheApiAndAudited() {
        String tag = unique("seg.tag");
        String spender = customer(tag);
        order(spender, 1, 300);
        String other = customer(tag);
        order(other, 1, 20);
        String segment = create(tag, Map.of("profile", "lifetime_spend", "op", ">=", "value", 100));

        api().get("/api/segments").then().statusCode(200)
                .body("find { it.name == '" + segment + "' }.memberCount", equalTo(1));
        api().get("/api/segments/" + segment + "/members?limit=1").then().statusCode(200)
                .body("customerId", containsInAnyOrder(spender));
        api().get("/api/segments/" + segment + "/members?limit=0").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        api().body(Map.of("name", segment, "conditions", List.of(Map.of("profile", "order_count", "op", ">=", "value", 1))))
                .post("/api/segments").then().statusCode(409);

        api().body(Map.of("description", "all buyers", "conditions", List.of(tagged(tag),
                        Map.of("profile", "lifetime_spend", "op", ">", "value", 10))))
                .put("/api/segments/" + segment).then().statusCode(200)
                .body("memberCount", equalTo(2)).body("description", equalTo("all buyers"))
                .body("conditions[1].profile", equalTo("lifetime_spend"));
        api().post("/api/segments/" + segment + "/refresh").then().statusCode(200).body("memberCount", equalTo(2));
        assertThat(auditedActionsOn("segment:" + segment)).containsExactly("segment.created", "segment.updated");

        api().delete("/api/segments/" + segment).then().statusCode(204);
        api().get("/api/segments/" + segment).then().statusCode(404);
        assertThat(auditedActionsOn("segment:" + segment)).endsWith("segment.deleted");
        api().post("/api/segments/" + segment + "/refresh").then().statusCode(404);
    }

    /** Read from the table: other tests move the clock, so the API's newest-first list may not start with these. */
    private static List<String> auditedActionsOn(String target) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list("target = ?1 order by id", target)
                .stream().map(entry -> entry.action).toList());
    }
}
