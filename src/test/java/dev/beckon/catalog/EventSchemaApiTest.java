package dev.beckon.catalog;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Registering event types' schemas over the API: versions, refusals with their reasons, the audit trail. */
@QuarkusTest
class EventSchemaApiTest {

    static final String ORDER_SCHEMA = """
            {"type": "object", "required": ["orderId", "total"],
             "properties": {"orderId": {"type": "string"}, "total": {"type": "number"}, "coupon": {"type": "string"}}}
            """;

    /** Registers {@code schema} as the next version of {@code type}, for tests elsewhere too. */
    static void register(String type, String schema) {
        api().body("{\"schema\": " + schema + "}").post("/api/event-types/" + type + "/schemas").then().statusCode(201);
    }

    @Test
    void registersVersionsOneAfterAnotherAndAuditsEach() {
        String type = unique("order");
        api().body("{\"schema\": " + ORDER_SCHEMA + ", \"sample\": {\"orderId\": \"o-1\", \"total\": 12.5}, \"comment\": \"first\"}")
                .post("/api/event-types/" + type + "/schemas")
                .then().statusCode(201)
                .header("Location", containsString("/api/event-types/" + type + "/schemas/1"))
                .body("version", equalTo(1))
                .body("sample.total", equalTo(12.5f))
                .body("createdBy", startsWith("key:"));
        String withCurrency = ORDER_SCHEMA.replace("\"total\"]", "\"total\", \"currency\"]")
                .replace("\"coupon\":", "\"currency\": {\"type\": \"string\"}, \"coupon\":");
        api().body("{\"schema\": " + withCurrency + "}").post("/api/event-types/" + type + "/schemas")
                .then().statusCode(201).body("version", equalTo(2));

        api().get("/api/event-types/" + type + "/schemas").then().statusCode(200)
                .body("version", contains(2, 1));
        api().get("/api/event-types/" + type + "/schemas/2").then().statusCode(200)
                .body("schema.required", contains("orderId", "total", "currency"));
        api().get("/api/audit?limit=20").then()
                .body("findAll { it.target == 'event-type:" + type + "' }.details.version", containsInAnyOrder(1, 2))
                .body("findAll { it.target == 'event-type:" + type + "' }.action", hasItem("event-type.schema-registered"));
    }

    @Test
    void offersTheSchemasFieldsFirstThenThoseOnlyEventsCarried() {
        String type = unique("order");
        api().body("{\"schema\": {\"type\": \"object\", \"properties\": {\"total\": {\"type\": \"number\"}, "
                        + "\"items\": {\"type\": \"array\", \"items\": {\"type\": \"object\", \"properties\": {\"sku\": {\"type\": \"string\"}}}}}}, "
                        + "\"sample\": {\"total\": 12.5, \"items\": [{\"sku\": \"boot-7\"}]}}")
                .post("/api/event-types/" + type + "/schemas").then().statusCode(201);
        api().body(event(unique("e"), type, unique("c"), "{\"total\": 3, \"note\": \"gift\"}"))
                .post("/api/events").then().statusCode(202);

        api().get("/api/event-types/" + type + "/fields").then().statusCode(200)
                .body("path", contains("total", "items[0].sku", "note"))
                .body("type", contains("number", "text", "text"))
                .body("origin", contains("schema", "schema", "events"))
                .body("example", contains("12.5", "boot-7", "gift"));
    }

    @Test
    void registeringTheSameSchemaAgainMakesNoNewVersion() {
        String type = unique("order");
        register(type, ORDER_SCHEMA);

        api().body("{\"schema\": " + ORDER_SCHEMA + "}").post("/api/event-types/" + type + "/schemas")
                .then().statusCode(200).body("version", equalTo(1));
        api().get("/api/event-types/" + type + "/schemas").then().body("$", hasSize(1));
    }

    @Test
    void refusesAnIncompatibleVersionWithEveryReasonAndKeepsTheOldOne() {
        String type = unique("order");
        register(type, ORDER_SCHEMA);
        String broken = """
                {"type": "object", "required": ["orderId"],
                 "properties": {"orderId": {"type": "integer"}, "coupon": {"type": "number"}}}
                """;

        api().body("{\"schema\": " + broken + "}").post("/api/event-types/" + type + "/schemas")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Incompatible schema"))
                .body("detail", containsString("nothing was stored"))
                .body("errors", hasSize(3))
                .body("errors.find { it.field == 'total' }.message", equalTo("was required and is removed"))
                .body("errors.find { it.field == 'orderId' }.message", equalTo("changed type from [string] to [integer]"))
                .body("errors.find { it.field == 'coupon' }.message", equalTo("changed type from [string] to [number]"));

        api().get("/api/event-types/" + type + "/schemas").then().body("version", contains(1));
    }

    @Test
    void refusesWhatIsNotAJsonSchemaWithTheValidatorsMessages() {
        String type = unique("order");
        api().body("{\"schema\": {\"type\": \"object\", \"required\": \"total\", \"properties\": {\"total\": {\"type\": \"numbr\"}}}}")
                .post("/api/event-types/" + type + "/schemas")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("schema/required"))
                .body("errors.field", hasItem("schema/properties/total/type"));
        api().body("{\"schema\": {\"type\": \"string\"}}").post("/api/event-types/" + type + "/schemas")
                .then().statusCode(400).body("errors.field", contains("schema/type"));
        api().body("{\"schema\": {\"type\": \"object\", \"properties\": {\"sku\": {\"type\": \"string\", \"pattern\": \"([a-\"}}}}")
                .post("/api/event-types/" + type + "/schemas")
                .then().statusCode(400).body("errors[0].message", startsWith("does not compile"));
        api().body("{\"schema\": " + ORDER_SCHEMA + ", \"sample\": {\"orderId\": 7}}").post("/api/event-types/" + type + "/schemas")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("sample/orderId", "sample/total"));
        api().body("{\"schema\": " + ORDER_SCHEMA + "}").post("/api/event-types/Not A Type/schemas")
                .then().statusCode(400).body("errors.field", contains("type"));

        api().get("/api/event-types/" + type + "/schemas").then().statusCode(404);
    }

    @Test
    void refusesReferencesOutsideTheSchemaAndOnesThatResolveToNothing() {
        api().body("""
                        {"schema": {"type": "object", "$defs": {"sku": {"type": "string"}},
                         "properties": {"a": {"$ref": "http://127.0.0.1:9/evil.json"}, "b": {"$ref": "#/$defs/missing"},
                                        "c": {"$ref": "#/$defs/sku"}}}}
                        """)
                .post("/api/event-types/" + unique("order") + "/schemas")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("schema/properties/a/$ref", "schema/properties/b/$ref"));
    }
}
