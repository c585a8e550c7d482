package dev.beckon.security;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.Routes;
import dev.beckon.support.Routes.Route;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every API route (found in the compiled resources, see {@link Routes}) against a key of each scope.
 * A route the table does not mention fails the test. The bodies are empty JSON objects and the ids
 * unknown, so an allowed call is refused for its content (400, 404) instead of changing anything:
 * allowed means anything but 401 and 403.
 */
@QuarkusTest
class ApiScopeMatrixTest {

    private static final String READ = ApiScopes.READ;
    private static final String EVENTS = ApiScopes.EVENTS_WRITE;
    private static final String RULES = ApiScopes.RULES_WRITE;
    private static final String PUBLISH = ApiScopes.RULES_PUBLISH;
    private static final String ADMIN = ApiScopes.ADMIN;

    /** The one scope each route needs; a key with the admin scope may use every route. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("GET /api/audit", ADMIN),
            Map.entry("POST /api/demo", ADMIN),
            Map.entry("GET /api/api-keys", ADMIN),
            Map.entry("POST /api/api-keys", ADMIN),
            Map.entry("DELETE /api/api-keys/{id}", ADMIN),
            Map.entry("POST /api/events", EVENTS),
            Map.entry("GET /api/dead-letters", READ),
            Map.entry("GET /api/dead-letters/{id}", READ),
            Map.entry("POST /api/dead-letters/{id}/replay", EVENTS),
            Map.entry("GET /api/customers/{id}", READ),
            Map.entry("GET /api/customers/{id}/events", READ),
            Map.entry("GET /api/customers/{id}/decisions", READ),
            Map.entry("GET /api/customers/{id}/why", READ),
            Map.entry("GET /api/customers/{id}/consent", READ),
            Map.entry("PUT /api/customers/{id}/consent/{channel}", EVENTS),
            Map.entry("GET /api/event-types", READ),
            Map.entry("GET /api/event-types/{type}/fields", READ),
            Map.entry("GET /api/event-types/{type}/schemas", READ),
            Map.entry("GET /api/event-types/{type}/schemas/{version}", READ),
            Map.entry("POST /api/event-types/{type}/schemas", RULES),
            Map.entry("GET /api/rules", READ),
            Map.entry("GET /api/rules/{name}/stats", READ),
            Map.entry("GET /api/rulesets", READ),
            Map.entry("GET /api/rulesets/{version}", READ),
            Map.entry("GET /api/rulesets/{version}/rules", READ),
            Map.entry("GET /api/rulesets/{from}/diff/{to}", READ),
            Map.entry("POST /api/rulesets", RULES),
            Map.entry("POST /api/rulesets/validate", RULES),
            Map.entry("POST /api/rulesets/{version}/try", RULES),
            Map.entry("POST /api/rulesets/{version}/scenarios/run", RULES),
            Map.entry("POST /api/rulesets/{version}/scenarios/try", RULES),
            Map.entry("POST /api/rulesets/{version}/publish", PUBLISH),
            Map.entry("GET /api/scenarios", READ),
            Map.entry("GET /api/scenarios/{id}", READ),
            Map.entry("POST /api/scenarios", RULES),
            Map.entry("PUT /api/scenarios/{id}", RULES),
            Map.entry("DELETE /api/scenarios/{id}", RULES),
            Map.entry("GET /api/guided-rules", READ),
            Map.entry("POST /api/guided-rules", RULES),
            Map.entry("POST /api/guided-rules/preview", RULES),
            Map.entry("DELETE /api/guided-rules/{name}", RULES),
            Map.entry("GET /api/backtests", READ),
            Map.entry("GET /api/backtests/{id}", READ),
            Map.entry("POST /api/backtests", RULES),
            Map.entry("POST /api/backtests/{id}/cancel", RULES),
            Map.entry("GET /api/message-templates", READ),
            Map.entry("GET /api/message-templates/{campaign}", READ),
            Map.entry("PUT /api/message-templates/{campaign}", RULES),
            Map.entry("POST /api/message-templates/{campaign}/preview", RULES),
            Map.entry("GET /api/deliveries", READ),
            Map.entry("GET /api/deliveries/{id}", READ),
            Map.entry("GET /api/decisions/{id}/deliveries", READ),
            Map.entry("POST /api/deliveries/{id}/redeliver", ADMIN),
            Map.entry("GET /api/webhook-endpoints", READ),
            Map.entry("GET /api/webhook-endpoints/{name}", READ),
            Map.entry("POST /api/webhook-endpoints", ADMIN),
            Map.entry("PUT /api/webhook-endpoints/{name}", ADMIN),
            Map.entry("DELETE /api/webhook-endpoints/{name}", ADMIN),
            Map.entry("POST /api/webhook-endpoints/{name}/rotate-secret", ADMIN),
            Map.entry("POST /api/webhook-endpoints/{name}/retire-old-secret", ADMIN),
            Map.entry("POST /api/webhook-endpoints/{name}/enable", ADMIN),
            Map.entry("POST /api/webhook-endpoints/{name}/disable", ADMIN),
            Map.entry("GET /api/webhook-sources", READ),
            Map.entry("GET /api/webhook-sources/presets", READ),
            Map.entry("GET /api/webhook-sources/{name}/deliveries", READ),
            Map.entry("POST /api/webhook-sources", ADMIN),
            Map.entry("PUT /api/webhook-sources/{name}/mapping", ADMIN),
            Map.entry("GET /api/customers/{id}/export", ADMIN),
            Map.entry("POST /api/customers/{id}/erase", ADMIN),
            Map.entry("PUT /api/webhook-sources/{name}/secrets", ADMIN),
            Map.entry("POST /api/webhook-sources/{name}/enable", ADMIN),
            Map.entry("POST /api/webhook-sources/{name}/disable", ADMIN),
            Map.entry("POST /api/webhook-sources/{name}/try", ADMIN),
            Map.entry("GET /api/campaigns", READ),
            Map.entry("GET /api/campaigns/{name}", READ),
            Map.entry("POST /api/campaigns", RULES),
            Map.entry("PUT /api/campaigns/{name}", RULES),
            Map.entry("POST /api/campaigns/{name}/start", RULES),
            Map.entry("POST /api/campaigns/{name}/pause", RULES),
            Map.entry("POST /api/campaigns/{name}/end", RULES),
            Map.entry("GET /api/policy", READ),
            Map.entry("PUT /api/policy", RULES),
            Map.entry("GET /api/campaigns/{name}/codes", READ),
            Map.entry("POST /api/campaigns/{name}/codes/generate", RULES),
            Map.entry("POST /api/campaigns/{name}/codes/import", RULES),
            Map.entry("GET /api/segments", READ),
            Map.entry("GET /api/segments/{name}", READ),
            Map.entry("GET /api/segments/{name}/members", READ),
            Map.entry("POST /api/segments", RULES),
            Map.entry("PUT /api/segments/{name}", RULES),
            Map.entry("DELETE /api/segments/{name}", RULES),
            Map.entry("POST /api/segments/{name}/refresh", RULES),
            Map.entry("GET /api/campaigns/{name}/report", READ),
            Map.entry("GET /api/campaigns/{name}/decisions.csv", READ),
            Map.entry("GET /api/escalations", READ),
            Map.entry("GET /api/escalations/{id}", READ),
            Map.entry("POST /api/escalations/{id}/claim", ApiScopes.ESCALATIONS_WRITE),
            Map.entry("POST /api/escalations/{id}/assign", ApiScopes.ESCALATIONS_WRITE),
            Map.entry("POST /api/escalations/{id}/notes", ApiScopes.ESCALATIONS_WRITE),
            Map.entry("POST /api/escalations/{id}/priority", ApiScopes.ESCALATIONS_WRITE),
            Map.entry("POST /api/escalations/{id}/resolve", ApiScopes.ESCALATIONS_WRITE),
            Map.entry("POST /api/escalations/{id}/reopen", ApiScopes.ESCALATIONS_WRITE));

    @Test
    void everyApiRouteTakesTheScopeTheTableSays() {
        List<Route> routes = Routes.api();
        assertThat(routes.stream().map(Route::toString).filter(r -> !EXPECTED.containsKey(r)).toList())
                .as("API routes without a scope in EXPECTED").isEmpty();
        Map<String, String> keys = new LinkedHashMap<>();
        for (String scope : ApiScopes.ALL) {
            keys.put(scope, api().body(Map.of("name", unique("matrix-" + scope), "scopes", List.of(scope)))
                    .post("/api/api-keys").then().statusCode(201).extract().path("key"));
        }
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            String path = route.path().replace("{id}", "0").replace("{version}", "999999").replace("{from}", "999999")
                    .replace("{to}", "999999").replaceAll("\\{[^}]+}", "matrix-unknown");
            for (String scope : ApiScopes.ALL) {
                var request = given().redirects().follow(false).header("Authorization", "Bearer " + keys.get(scope));
                if (route.changesState()) {
                    request = request.contentType(ContentType.JSON).body("{}");
                }
                int status = request.request(route.method(), path).statusCode();
                boolean allowed = scope.equals(ADMIN) || scope.equals(EXPECTED.get(route.toString()));
                if (allowed == (status == 401 || status == 403)) {
                    wrong.add(route + " with " + scope + ": " + status + ", expected " + (allowed ? "allowed" : "403"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
