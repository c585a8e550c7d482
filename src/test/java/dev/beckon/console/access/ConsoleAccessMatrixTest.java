package dev.beckon.console.access;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.console.ConsoleRoles;
import dev.beckon.support.ConsoleSession;
import dev.beckon.support.RuleSets;
import dev.beckon.support.Routes;
import dev.beckon.support.Routes.Route;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every console route (found in the compiled resources, see {@link Routes}) against every role, a
 * user without a role, and no session at all. A route the table below does not mention fails the
 * test, so a new page cannot go out without someone deciding who may use it.
 *
 * <p>A GET is allowed when it answers 2xx or 3xx. A POST is sent with a valid CSRF token and an
 * empty form, so that even an allowed one changes nothing that matters: allowed then means it got
 * past the role check (anything but 403, and not sent to the sign-in page), refused means 403.
 */
@QuarkusTest
class ConsoleAccessMatrixTest {

    private static final String ADMIN = ConsoleRoles.ADMIN;
    private static final String MARKETER = ConsoleRoles.MARKETER;
    private static final String RULE_DEVELOPER = ConsoleRoles.RULE_DEVELOPER;
    private static final String PUBLISHER = ConsoleRoles.PUBLISHER;
    private static final String SUPPORT = ConsoleRoles.SUPPORT;
    private static final String VIEWER = ConsoleRoles.VIEWER;
    /** A signed-in user whose roles are none Beckon knows. */
    private static final String NO_ROLE = "";
    private static final List<String> ROLES = List.of(ADMIN, MARKETER, RULE_DEVELOPER, PUBLISHER, SUPPORT, VIEWER, NO_ROLE);
    private static final Set<String> READERS = Set.of(ADMIN, MARKETER, RULE_DEVELOPER, PUBLISHER, SUPPORT, VIEWER);
    private static final Set<String> RULE_WORKERS = Set.of(ADMIN, MARKETER, RULE_DEVELOPER, PUBLISHER);
    private static final Set<String> DRL_WRITERS = Set.of(ADMIN, RULE_DEVELOPER);
    private static final Set<String> GUIDED_BUILDERS = Set.of(ADMIN, RULE_DEVELOPER, MARKETER);
    private static final Set<String> SCENARIO_KEEPERS = Set.of(ADMIN, RULE_DEVELOPER, PUBLISHER);
    private static final Set<String> ADMINS = Set.of(ADMIN);
    private static final Set<String> ESCALATION_WORKERS = Set.of(ADMIN, SUPPORT);

    /** Who may use each console route. */
    private static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("GET /", READERS),
            Map.entry("GET /login", Set.copyOf(ROLES)),
            Map.entry("POST /logout", Set.copyOf(ROLES)),
            Map.entry("GET /rules", READERS),
            Map.entry("GET /rules/stats", READERS),
            Map.entry("GET /rules/versions/{version}", READERS),
            Map.entry("GET /rules/versions/{from}/diff/{to}", READERS),
            Map.entry("POST /rules/versions/{version}/publish", Set.of(ADMIN, PUBLISHER)),
            Map.entry("POST /rules/versions/{version}/try", RULE_WORKERS),
            Map.entry("POST /rules/versions/{version}/scenarios", RULE_WORKERS),
            Map.entry("GET /rules/editor", DRL_WRITERS),
            Map.entry("POST /rules/editor", DRL_WRITERS),
            Map.entry("POST /rules/editor/check", DRL_WRITERS),
            Map.entry("GET /rules/guided", GUIDED_BUILDERS),
            Map.entry("POST /rules/guided/preview", GUIDED_BUILDERS),
            Map.entry("POST /rules/guided/save", GUIDED_BUILDERS),
            Map.entry("GET /rules/scenarios", READERS),
            Map.entry("POST /rules/scenarios", SCENARIO_KEEPERS),
            Map.entry("POST /rules/scenarios/{id}/delete", SCENARIO_KEEPERS),
            Map.entry("GET /backtests", READERS),
            Map.entry("POST /backtests", RULE_WORKERS),
            Map.entry("GET /backtests/{id}", READERS),
            Map.entry("GET /backtests/{id}/progress", READERS),
            Map.entry("POST /backtests/{id}/cancel", RULE_WORKERS),
            Map.entry("GET /catalog", READERS),
            Map.entry("POST /catalog", DRL_WRITERS),
            Map.entry("GET /catalog/{type}", READERS),
            Map.entry("POST /catalog/{type}/schemas", DRL_WRITERS),
            Map.entry("GET /deliveries", READERS),
            Map.entry("GET /deliveries/decisions/{id}", READERS),
            Map.entry("POST /deliveries/{id}/redeliver", Set.of(ADMIN, MARKETER)),
            Map.entry("GET /messages", READERS),
            Map.entry("GET /messages/new", READERS),
            Map.entry("GET /messages/{campaign}", READERS),
            Map.entry("POST /messages/{campaign}", GUIDED_BUILDERS),
            Map.entry("POST /messages/{campaign}/preview", GUIDED_BUILDERS),
            Map.entry("POST /messages/{campaign}/preview.html", GUIDED_BUILDERS),
            Map.entry("GET /campaigns", READERS),
            Map.entry("GET /campaigns/new", GUIDED_BUILDERS),
            Map.entry("POST /campaigns", GUIDED_BUILDERS),
            Map.entry("GET /campaigns/{name}", READERS),
            Map.entry("POST /campaigns/{name}", GUIDED_BUILDERS),
            Map.entry("POST /campaigns/{name}/start", GUIDED_BUILDERS),
            Map.entry("POST /campaigns/{name}/pause", GUIDED_BUILDERS),
            Map.entry("POST /campaigns/{name}/end", GUIDED_BUILDERS),
            Map.entry("POST /campaigns/{name}/codes/generate", GUIDED_BUILDERS),
            Map.entry("POST /campaigns/{name}/codes/import", GUIDED_BUILDERS),
            Map.entry("GET /segments", READERS),
            Map.entry("POST /segments", GUIDED_BUILDERS),
            Map.entry("GET /segments/{name}", READERS),
            Map.entry("POST /segments/{name}", GUIDED_BUILDERS),
            Map.entry("POST /segments/{name}/refresh", GUIDED_BUILDERS),
            Map.entry("POST /segments/{name}/delete", GUIDED_BUILDERS),
            Map.entry("GET /campaigns/{name}/report", READERS),
            Map.entry("GET /campaigns/{name}/report/decisions.csv", READERS),
            Map.entry("GET /users", ADMINS),
            Map.entry("POST /users", ADMINS),
            Map.entry("GET /users/{name}", ADMINS),
            Map.entry("POST /users/{name}/roles", ADMINS),
            Map.entry("POST /users/{name}/password", ADMINS),
            Map.entry("POST /users/{name}/disable", ADMINS),
            Map.entry("POST /users/{name}/enable", ADMINS),
            Map.entry("GET /api-keys", ADMINS),
            Map.entry("POST /api-keys", ADMINS),
            Map.entry("POST /api-keys/{id}/revoke", ADMINS),
            Map.entry("GET /audit", ADMINS),
            Map.entry("GET /webhooks", ADMINS),
            Map.entry("POST /webhooks", ADMINS),
            Map.entry("GET /webhooks/{name}", ADMINS),
            Map.entry("GET /webhooks/{name}/deliveries/{id}", ADMINS),
            Map.entry("POST /webhooks/{name}/enable", ADMINS),
            Map.entry("POST /webhooks/{name}/disable", ADMINS),
            Map.entry("POST /webhooks/{name}/mapping", ADMINS),
            Map.entry("POST /webhooks/{name}/secrets", ADMINS),
            Map.entry("POST /webhooks/{name}/secrets/retire", ADMINS),
            Map.entry("POST /webhooks/{name}/try", ADMINS),
            Map.entry("GET /endpoints", ADMINS),
            Map.entry("POST /endpoints", ADMINS),
            Map.entry("POST /endpoints/{name}/rotate-secret", ADMINS),
            Map.entry("POST /endpoints/{name}/retire-old-secret", ADMINS),
            Map.entry("POST /endpoints/{name}/enable", ADMINS),
            Map.entry("POST /endpoints/{name}/disable", ADMINS),
            Map.entry("POST /endpoints/{name}/delete", ADMINS),
            Map.entry("GET /customers", READERS),
            Map.entry("POST /demo", ADMINS),
            Map.entry("GET /policy", READERS),
            Map.entry("POST /policy", Set.of(ADMIN, MARKETER)),
            Map.entry("GET /privacy", ADMINS),
            Map.entry("GET /privacy/export", ADMINS),
            Map.entry("POST /privacy/erase", ADMINS),
            Map.entry("GET /inbox", ESCALATION_WORKERS),
            Map.entry("GET /inbox/rows", ESCALATION_WORKERS),
            Map.entry("GET /inbox/{id}", ESCALATION_WORKERS),
            Map.entry("POST /inbox/{id}/claim", ESCALATION_WORKERS),
            Map.entry("POST /inbox/{id}/assign", ESCALATION_WORKERS),
            Map.entry("POST /inbox/{id}/notes", ESCALATION_WORKERS),
            Map.entry("POST /inbox/{id}/priority", ESCALATION_WORKERS),
            Map.entry("POST /inbox/{id}/resolve", ESCALATION_WORKERS),
            Map.entry("POST /inbox/{id}/reopen", ESCALATION_WORKERS));

    @Test
    void everyConsoleRouteAnswersEachRoleAsTheTableSays() throws Exception {
        List<Route> routes = Routes.console();
        assertThat(routes.stream().map(Route::toString).filter(r -> !EXPECTED.containsKey(r)).toList())
                .as("console routes without an expectation: say who may use them in EXPECTED").isEmpty();
        assertThat(EXPECTED.keySet()).as("expectations for routes that no longer exist")
                .allMatch(r -> routes.stream().anyMatch(route -> route.toString().equals(r)));

        Map<String, String> concrete = fixtures();
        Map<String, Map<String, String>> sessions = new LinkedHashMap<>();
        for (String role : ROLES) {
            sessions.put(role, signedInAs(role));
        }
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            String path = concrete.getOrDefault(route.toString(), route.path());
            for (String role : ROLES) {
                // Signing out ends the session it is sent with: each role signs out with a session of its own.
                Map<String, String> session = route.path().equals("/logout") ? signedInAs(role) : sessions.get(role);
                Response answer = send(route, path, session);
                boolean allowed = EXPECTED.get(route.toString()).contains(role);
                if (allowed != allowedAnswer(route, answer)) {
                    wrong.add(route + " as " + (role.isEmpty() ? "a user without a role" : role) + ": " + answer.statusCode()
                            + " " + answer.header("Location") + ", expected " + (allowed ? "allowed" : "403"));
                }
            }
            if (!route.path().equals("/login")) {
                Response signedOut = given().redirects().follow(false).request(route.method(), path);
                if (signedOut.statusCode() != 302 || !signedOut.header("Location").endsWith("/login")) {
                    wrong.add(route + " signed out: " + signedOut.statusCode() + ", expected a redirect to /login");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static boolean allowedAnswer(Route route, Response answer) {
        boolean toLogin = answer.statusCode() == 302 && answer.header("Location") != null
                && answer.header("Location").endsWith("/login");
        if (toLogin || answer.statusCode() == 401 || answer.statusCode() == 403) {
            return false;
        }
        return route.changesState() || answer.statusCode() < 400;
    }

    private static Response send(Route route, String path, Map<String, String> session) {
        var request = given().redirects().follow(false).cookies(session);
        if (route.changesState() && session.containsKey(ConsoleSession.CSRF_COOKIE)) {
            request = request.formParam(ConsoleSession.CSRF_FIELD, session.get(ConsoleSession.CSRF_COOKIE));
        }
        return request.request(route.method(), path);
    }

    private static Map<String, String> signedInAs(String role) throws Exception {
        String user = unique("matrix");
        String password = unique("password");
        ConsoleSession.createUser(user, password, role);
        if (role.equals(NO_ROLE)) {
            // Such a user reads no page, so never gets a CSRF cookie; the role check comes first anyway.
            return ConsoleSession.sessionCookies(user, password);
        }
        return ConsoleSession.signIn(user, password);
    }

    /** Real targets for the routes' parameters, so an allowed GET finds what it shows. */
    private static Map<String, String> fixtures() throws Exception {
        int draft = api().body(Map.of("drl", RuleSets.starterPack(), "comment", "access matrix")).post("/api/rulesets")
                .then().statusCode(201).extract().path("version");
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        long backtest = ((Number) api().body(Map.of("draftVersion", draft, "from", today.minus(1, ChronoUnit.DAYS).toString(),
                "to", today.toString())).post("/api/backtests").then().statusCode(202).extract().path("id")).longValue();
        String type = unique("matrix.seen");
        api().body(dev.beckon.support.Api.event(unique("evt"), type, unique("c"), "{}")).post("/api/events")
                .then().statusCode(202);
        String target = unique("matrix-target");
        ConsoleSession.createUser(target, unique("password"), VIEWER);
        // A webhook source and an endpoint under the same name, and one verified delivery to the source.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        api().body(Map.of("name", target, "scheme", "standard", "secrets", java.util.List.of(secret)))
                .post("/api/webhook-sources").then().statusCode(201);
        api().body(Map.of("name", target, "url", "http://127.0.0.1:9/matrix")).post("/api/webhook-endpoints")
                .then().statusCode(201);
        // A campaign of that name too, for the campaign pages.
        api().body(Map.of("name", target)).post("/api/campaigns").then().statusCode(201);
        dev.beckon.support.SignedWebhooks.post(target, secret, unique("msg"),
                dev.beckon.support.Api.event(unique("evt"), type, unique("c"), "{}")).statusCode(200);
        long webhookDelivery = ((Number) api().get("/api/webhook-sources/" + target + "/deliveries").then()
                .extract().path("[0].id")).longValue();
        // An escalation to open in the inbox: angry feedback raises one.
        String angry = unique("c");
        api().body(dev.beckon.support.Api.event(unique("evt"), "feedback.submitted", angry, "{\"rating\": 1}"))
                .post("/api/events").then().statusCode(202);
        String escalation = api().get("/api/customers/" + angry + "/decisions").then().extract().path("[0].id");
        // A segment under the common name to show and change, and one of its own for each role to delete.
        api().body(Map.of("name", target, "conditions", List.of(Map.of("profile", "order_count", "op", ">", "value", 0))))
                .post("/api/segments").then().statusCode(201);
        String doomed = unique("matrix-doomed");
        api().body(Map.of("name", doomed, "conditions", List.of(Map.of("profile", "order_count", "op", ">", "value", 0))))
                .post("/api/segments").then().statusCode(201);
        // A campaign to report on: its report is read by every role.
        String campaign = unique("matrix-campaign");
        api().body(Map.of("name", campaign, "goal", "order.completed")).post("/api/campaigns").then().statusCode(201);
        Map<String, String> concrete = new LinkedHashMap<>();
        concrete.put("GET /rules/stats", "/rules/stats?rule=abandoned-cart");
        concrete.put("POST /segments/{name}/delete", "/segments/" + doomed + "/delete");
        concrete.put("GET /campaigns/{name}/report", "/campaigns/" + campaign + "/report");
        concrete.put("GET /campaigns/{name}/report/decisions.csv", "/campaigns/" + campaign + "/report/decisions.csv");
        concrete.put("GET /webhooks/{name}/deliveries/{id}", "/webhooks/" + target + "/deliveries/" + webhookDelivery);
        for (String route : EXPECTED.keySet()) {
            String path = route.substring(route.indexOf(' ') + 1)
                    .replace("{version}", String.valueOf(draft)).replace("{from}", String.valueOf(draft))
                    .replace("{to}", String.valueOf(draft)).replace("{type}", type).replace("{campaign}", unique("matrix"))
                    .replace("{name}", target)
                    .replace("/backtests/{id}", "/backtests/" + backtest)
                    .replace("/deliveries/decisions/{id}", "/deliveries/decisions/" + UUID.randomUUID())
                    .replace("/inbox/{id}", "/inbox/" + escalation)
                    .replace("{id}", "0");
            concrete.putIfAbsent(route, path);
        }
        return concrete;
    }
}
