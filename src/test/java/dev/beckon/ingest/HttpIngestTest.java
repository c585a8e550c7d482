package dev.beckon.ingest;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HttpIngestTest {

    @Test
    void acceptsAnEventAndKeepsAProfile() {
        String customer = unique("c");
        String id = unique("e");
        api().body(event(id, "cart.updated", customer, "{\"total\": 42.5, \"currency\": \"EUR\"}"))
                .post("/api/events")
                .then().statusCode(202)
                .body("accepted", equalTo(1))
                .body("results[0].id", equalTo(id))
                .body("results[0].status", equalTo("accepted"));

        api().get("/api/customers/" + customer).then().statusCode(200)
                .body("eventCount", equalTo(1))
                .body("openCartValue", equalTo(42.5f))
                .body("currency", equalTo("EUR"));
        api().get("/api/customers/" + customer + "/events").then().statusCode(200)
                .body("id", contains(id))
                .body("[0].data.total", equalTo(42.5f));
    }

    @Test
    void aDuplicateIdChangesNothing() {
        String customer = unique("c");
        String id = unique("e");
        String body = event(id, "cart.updated", customer, "{\"total\": 150}");
        api().body(body).post("/api/events").then().statusCode(202).body("results[0].status", equalTo("accepted"));

        api().body("[" + body + "," + body + "]").post("/api/events").then().statusCode(202)
                .body("duplicates", equalTo(2))
                .body("results.status", contains("duplicate", "duplicate"));

        api().get("/api/customers/" + customer).then().body("eventCount", equalTo(1));
        api().get("/api/customers/" + customer + "/events").then().body("$", hasSize(1));
        api().get("/api/customers/" + customer + "/decisions").then().body("$", hasSize(1));
    }

    @Test
    void refusesAMissingFieldNamingItAndStoresNothing() {
        String customer = unique("c");
        String good = event(unique("e"), "cart.updated", customer, "{}");
        String missingCustomer = "{\"id\": \"" + unique("e") + "\", \"type\": \"cart.updated\"}";

        api().body("[" + good + "," + missingCustomer + "]").post("/api/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", contains("[1].customerId"))
                .body("errors[0].message", equalTo("is required"));

        api().get("/api/customers/" + customer).then().statusCode(404);
    }

    @Test
    void refusesMalformedJsonWithAProblem() {
        api().body("{\"id\": \"x\", ").post("/api/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
    }

    @Test
    void refusesABadTimestampAndAWrongType() {
        api().body("{\"id\": \"e\", \"type\": \"Cart Updated\", \"customerId\": \"c\", \"occurredAt\": \"yesterday\"}")
                .post("/api/events")
                .then().statusCode(400)
                .body("errors.field", contains("type", "occurredAt"));
    }

    @Test
    void refusesRequestsWithoutAValidApiKey() {
        given().contentType(ContentType.JSON).body(event(unique("e"), "cart.updated", "c", "{}"))
                .post("/api/events").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-key").contentType(ContentType.JSON)
                .body(event(unique("e"), "cart.updated", "c", "{}"))
                .post("/api/events").then().statusCode(401);
    }

    @Test
    void exposesMetricsAndHealth() {
        api().body(event(unique("e"), "page.viewed", unique("c"), "{}")).post("/api/events").then().statusCode(202);
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItems("rabbitmq", "rules"));
        given().get("/q/metrics").then().statusCode(401);
        api().get("/q/metrics").then().statusCode(200)
                .body(containsString("beckon_events_received_total{channel=\"http\",source=\"test\",type=\"page.viewed\"}"));
    }
}
