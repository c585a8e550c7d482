package dev.beckon.inbox;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.beckon.support.ConsoleSession;
import dev.beckon.support.Escalations;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Working an escalation over the API: every action, its refusals, and the history and audit it leaves. */
@QuarkusTest
class EscalationApiTest {

    @Test
    void anEscalationRaisedByARuleWaitsOpenInItsQueueWithItsCaseFile() {
        String customer = unique("c");
        String id = Escalations.negativeFeedback(customer);

        api().get("/api/escalations?queue=support&priority=high&assignee=unassigned&limit=500").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.status", equalTo("open"))
                .body("find { it.id == '" + id + "' }.sla", equalTo("ok"))
                .body("find { it.id == '" + id + "' }.slaLabel", startsWith("1 h 59 min left"));
        api().get("/api/escalations/" + id).then().statusCode(200)
                .body("escalation.customerId", equalTo(customer))
                .body("raisedBy.ruleName", equalTo("Negative feedback escalation"))
                .body("trigger.type", equalTo("feedback.submitted"))
                .body("profile.customerId", equalTo(customer))
                .body("timeline.find { it.raisedThis && it.kind == 'event' }.what", equalTo("feedback.submitted"))
                .body("timeline.find { it.raisedThis && it.kind == 'decision' }.id", equalTo(id));
    }

    @Test
    void claimingTakesItForTheCallerAndSomeoneElsesClaimIsRefused() throws Exception {
        String id = Escalations.negativeFeedback(unique("c"));

        String me = api().post("/api/escalations/" + id + "/claim").then().statusCode(200)
                .body("status", equalTo("claimed")).extract().path("assignee");
        assertThat(me).startsWith("key:");
        api().post("/api/escalations/" + id + "/claim").then().statusCode(200).body("assignee", equalTo(me));
        api().get("/api/escalations?assignee=mine&limit=500").then().body("id", org.hamcrest.Matchers.hasItem(id));

        String colleague = supportUser();
        api().body(Map.of("assignee", colleague)).post("/api/escalations/" + id + "/assign").then().statusCode(200)
                .body("assignee", equalTo(colleague)).body("status", equalTo("claimed"));
        api().post("/api/escalations/" + id + "/claim").then().statusCode(409);

        assertThat(history(id)).extracting(h -> h.get("action")).containsExactly("claimed", "assigned");
    }

    @Test
    void escalationsGoOnlyToConsoleUsersWhoMayWorkThem() throws Exception {
        String id = Escalations.negativeFeedback(unique("c"));
        String marketer = unique("marketer");
        ConsoleSession.createUser(marketer, unique("pw"), "marketer");

        api().body(Map.of("assignee", marketer)).post("/api/escalations/" + id + "/assign").then().statusCode(400)
                .body("errors[0].field", equalTo("assignee"));
        api().body(Map.of("assignee", unique("nobody"))).post("/api/escalations/" + id + "/assign").then().statusCode(400);
        api().get("/api/escalations/" + id).then().body("escalation.assignee", nullValue());
    }

    @Test
    void notesAndPriorityChangesAreKeptWithWhoAndWhenAndAudited() {
        String id = Escalations.negativeFeedback(unique("c"));

        api().body(Map.of("text", "Called the customer, waiting for photos")).post("/api/escalations/" + id + "/notes")
                .then().statusCode(200);
        api().body(Map.of("text", " ")).post("/api/escalations/" + id + "/notes").then().statusCode(400)
                .body("errors[0].field", equalTo("text"));
        api().body(Map.of("priority", "urgent")).post("/api/escalations/" + id + "/priority").then().statusCode(200)
                .body("priority", equalTo("urgent"));
        api().body(Map.of("priority", "critical")).post("/api/escalations/" + id + "/priority").then().statusCode(400);

        List<Map<String, Object>> history = history(id);
        assertThat(history).extracting(h -> h.get("action")).containsExactly("noted", "priority_changed");
        assertThat(history.get(0).get("note")).isEqualTo("Called the customer, waiting for photos");
        assertThat(history.get(1).get("summary")).isEqualTo("changed the priority from high to urgent");
        assertThat(history).allSatisfy(h -> {
            assertThat((String) h.get("actor")).startsWith("key:");
            assertThat(h.get("at")).isNotNull();
        });
        List<Map<String, Object>> audit = api().get("/api/audit?limit=500").jsonPath().getList("$");
        assertThat(audit).filteredOn(a -> id.equals(a.get("target"))).extracting(a -> a.get("action"))
                .contains("escalation.noted", "escalation.priority_changed");
    }

    @Test
    void theMostUrgentComeFirstAndWithinAPriorityTheOldest() {
        String older = Escalations.negativeFeedback(unique("c"));
        String newer = Escalations.negativeFeedback(unique("c"));
        String raised = Escalations.negativeFeedback(unique("c"));
        api().body(Map.of("priority", "urgent")).post("/api/escalations/" + raised + "/priority").then().statusCode(200);

        List<String> ids = api().get("/api/escalations?limit=500").jsonPath().getList("id");
        assertThat(ids.indexOf(raised)).isNotNegative().isLessThan(ids.indexOf(older));
        assertThat(ids.indexOf(older)).isLessThan(ids.indexOf(newer));
    }

    @Test
    void resolvingTakesAKnownOutcomeOnceAndReopeningStartsTheSlaAfresh() {
        String id = Escalations.negativeFeedback(unique("c"));

        api().body(Map.of("outcome", "shrug")).post("/api/escalations/" + id + "/resolve").then().statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        api().body(Map.of("outcome", "no_action", "note", "Customer withdrew the complaint"))
                .post("/api/escalations/" + id + "/resolve").then().statusCode(200)
                .body("status", equalTo("resolved")).body("outcome", equalTo("no_action")).body("sla", equalTo("stopped"));
        api().body(Map.of("outcome", "refunded")).post("/api/escalations/" + id + "/resolve").then().statusCode(409);
        api().body(Map.of("priority", "low")).post("/api/escalations/" + id + "/priority").then().statusCode(409);
        api().get("/api/escalations?status=resolved&limit=500").then().body("id", org.hamcrest.Matchers.hasItem(id));
        api().get("/api/escalations?limit=500").then().body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));

        api().body(Map.of("note", "Photos arrived after all")).post("/api/escalations/" + id + "/reopen").then().statusCode(200)
                .body("status", equalTo("open")).body("outcome", nullValue()).body("sla", equalTo("ok"));
        api().body(Map.of()).post("/api/escalations/" + id + "/reopen").then().statusCode(409);
        assertThat(history(id)).extracting(h -> h.get("action"))
                .containsExactly("noted", "resolved", "reopened", "noted");
    }

    @Test
    void anUnknownEscalationOrFilterIsRefused() {
        api().post("/api/escalations/" + java.util.UUID.randomUUID() + "/claim").then().statusCode(404);
        api().get("/api/escalations?status=sleeping").then().statusCode(400).body("errors[0].field", equalTo("status"));
        api().get("/api/escalations?priority=asap").then().statusCode(400).body("errors[0].field", equalTo("priority"));
    }

    private static List<Map<String, Object>> history(String id) {
        return api().get("/api/escalations/" + id).then().statusCode(200).extract().jsonPath().getList("history");
    }

    private static String supportUser() throws Exception {
        String user = unique("support");
        ConsoleSession.createUser(user, unique("pw"), "support");
        return user;
    }
}
