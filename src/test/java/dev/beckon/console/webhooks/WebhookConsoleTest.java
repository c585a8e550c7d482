package dev.beckon.console.webhooks;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.beckon.support.ConsoleSession;
import dev.beckon.support.ConsoleUsers;
import dev.beckon.support.SignedWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook console over HTTP: one-time secrets, rotation, enabling, mappings, try-it, and who may do any of it. */
@QuarkusTest
class WebhookConsoleTest {

    private static final String OLD = "whsec_" + Base64.getEncoder().encodeToString("the old secret, thirty-two bytes".getBytes(StandardCharsets.UTF_8));
    private static final Pattern SHOWN_SECRET = Pattern.compile("aria-label=\"New secret\">([^<]+)<");

    private Map<String, String> admin;

    @BeforeEach
    void signIn() {
        admin = ConsoleSession.signIn("admin", "test-admin-password");
    }

    @Test
    void aSourceAddedInTheConsoleShowsItsGeneratedSecretOnceAndItVerifiesWebhooks() {
        String source = unique("shop");
        String page = form(admin).formParam("name", source).formParam("scheme", "standard").formParam("secret", "")
                .post("/webhooks").then().statusCode(201).extract().asString();
        String secret = shownSecret(page);
        assertThat(secret).startsWith("whsec_");
        assertThat(page).contains("/hooks/" + source);

        for (String path : List.of("/webhooks", "/webhooks/" + source)) {
            given().cookies(admin).get(path).then().statusCode(200)
                    .body(containsString(source)).body(not(containsString(secret)));
        }
        SignedWebhooks.post(source, secret, unique("msg"), event(unique("e"), "page.viewed", unique("c"), "{}")).statusCode(200);
        List<Map<String, Object>> audit = audit(source);
        assertThat(audit).extracting(e -> e.get("action")).containsExactly("webhook-source.created");
        assertThat(audit).extracting(e -> e.get("actor")).containsOnly("admin");
        assertThat(audit.toString()).doesNotContain(secret);
    }

    @Test
    void aSendersOwnSecretIsTakenAndNeverShown() {
        String source = unique("stripe");
        String secret = "whsec_stripe_made_this_" + unique("s");
        String page = form(admin).formParam("name", source).formParam("scheme", "stripe").formParam("secret", secret)
                .post("/webhooks").then().statusCode(201).extract().asString();
        assertThat(page).doesNotContain(secret).doesNotContain("New secret");
        api().get("/api/webhook-sources").then().body("find { it.name == '" + source + "' }.secrets", equalTo(1));
    }

    @Test
    void rotationAddsANewSecretBesideTheOldOneThenRetiresTheOld() {
        String source = apiSource(null);
        String page = form(admin).post("/webhooks/" + source + "/secrets").then().statusCode(200).extract().asString();
        String next = shownSecret(page);
        assertThat(next).isNotEqualTo(OLD);
        SignedWebhooks.post(source, OLD, unique("msg"), anEvent()).statusCode(200);
        SignedWebhooks.post(source, next, unique("msg"), anEvent()).statusCode(200);

        form(admin).post("/webhooks/" + source + "/secrets").then().statusCode(409)
                .body(containsString("retire the old one first"));
        given().cookies(admin).get("/webhooks/" + source).then().body(not(containsString(next)));

        form(admin).redirects().follow(false).post("/webhooks/" + source + "/secrets/retire").then().statusCode(303);
        SignedWebhooks.post(source, OLD, unique("msg"), anEvent()).statusCode(401);
        SignedWebhooks.post(source, next, unique("msg"), anEvent()).statusCode(200);
        form(admin).post("/webhooks/" + source + "/secrets/retire").then().statusCode(409);

        List<Map<String, Object>> audit = audit(source);
        assertThat(audit).extracting(e -> e.get("action"))
                .containsExactly("webhook-source.secret-retired", "webhook-source.secret-added", "webhook-source.created");
        assertThat(audit.toString()).doesNotContain(next).doesNotContain(OLD);
    }

    @Test
    void aSourceDisabledInTheConsoleRefusesWebhooksUntilEnabled() {
        String source = apiSource(null);
        form(admin).redirects().follow(false).post("/webhooks/" + source + "/disable").then().statusCode(303);
        SignedWebhooks.post(source, OLD, unique("msg"), anEvent()).statusCode(404);
        given().cookies(admin).get("/webhooks/" + source).then().body(containsString("disabled"));

        form(admin).redirects().follow(false).post("/webhooks/" + source + "/enable").then().statusCode(303);
        SignedWebhooks.post(source, OLD, unique("msg"), anEvent()).statusCode(200);
        assertThat(audit(source)).extracting(e -> e.get("action"))
                .containsExactly("webhook-source.enabled", "webhook-source.disabled", "webhook-source.created");
    }

    @Test
    void theMappingIsSetToAPresetOrOwnJsonAndUnreadableJsonIsRefusedWithItsPlace() {
        String source = apiSource(null);
        form(admin).redirects().follow(false).formParam("preset", "pos-sale").formParam("mapping", "")
                .post("/webhooks/" + source + "/mapping").then().statusCode(303);
        api().get("/api/webhook-sources").then().body("find { it.name == '" + source + "' }.mapping.type", equalTo("=pos.sale"));
        given().cookies(admin).get("/webhooks/" + source).then()
                .body(containsString("<option value=\"pos-sale\" selected>"));

        form(admin).formParam("preset", "").formParam("mapping", "{\"id\": \"/id\",\n \"tpye\": \"=x\"}")
                .post("/webhooks/" + source + "/mapping").then().statusCode(400)
                .body(containsString("tpye")).body(containsString("line 2"));
        form(admin).formParam("preset", "").formParam("mapping", "{\"id\": \"/id\", ")
                .post("/webhooks/" + source + "/mapping").then().statusCode(400).body(containsString("Mapping refused"));
        api().get("/api/webhook-sources").then().body("find { it.name == '" + source + "' }.mapping.type", equalTo("=pos.sale"));

        form(admin).redirects().follow(false).formParam("preset", "")
                .formParam("mapping", "{\"id\": \"crm-{/id}\", \"type\": \"=crm.note\", \"customerId\": \"/who\"}")
                .post("/webhooks/" + source + "/mapping").then().statusCode(303);
        api().get("/api/webhook-sources").then().body("find { it.name == '" + source + "' }.mapping.customerId", equalTo("/who"));
        form(admin).redirects().follow(false).formParam("preset", "").formParam("mapping", "")
                .post("/webhooks/" + source + "/mapping").then().statusCode(303);
        api().get("/api/webhook-sources").then().body("find { it.name == '" + source + "' }.mapping", equalTo(null));
        assertThat(audit(source)).extracting(e -> e.get("action")).containsOnly("webhook-source.created", "webhook-source.mapping-changed")
                .hasSize(4);
    }

    @Test
    void tryItAnswersHtmxWithTheResultAloneAndAPlainFormWithTheWholePage() {
        String source = apiSource("shopify-orders-create");
        String order = """
                {"id": 820982911946154508, "created_at": "2026-11-21T11:00:00-05:00", "total_price": "19.90",
                 "currency": "<script>alert(1)</script>", "customer": {"id": 115310627314723954}}""";

        String fragment = form(admin).header("HX-Request", "true").formParam("payload", order)
                .post("/webhooks/" + source + "/try").then().statusCode(200).extract().asString();
        assertThat(fragment).doesNotContain("<html").contains("Mapped events")
                .contains("shopify-order-820982911946154508", "order.completed", "shopify-customer-115310627314723954")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");

        String page = form(admin).formParam("payload", order).post("/webhooks/" + source + "/try")
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("<html", "<h1>Source " + source, "Mapped events", "shopify-customer-115310627314723954");

        form(admin).header("HX-Request", "true").formParam("payload", "{\"id\": 1, \"total_price\": \"x\"}")
                .post("/webhooks/" + source + "/try").then().statusCode(200)
                .body(containsString("Mapping failed"))
                .body(containsString("customerId")).body(containsString("/customer/id"))
                .body(containsString("data.total")).body(containsString("cannot be read as number"));
        form(admin).header("HX-Request", "true").formParam("payload", "{\"id\": ")
                .post("/webhooks/" + source + "/try").then().statusCode(200)
                .body(containsString("The sample payload is not valid")).body(containsString("line 1"));
        api().get("/api/webhook-sources/" + source + "/deliveries").then().body("size()", equalTo(0));
    }

    @Test
    void whatASenderWritesIsShownInTheDeliveryLogAsText() {
        String source = apiSource(null);
        String webhookId = "<img src=x onerror=alert(1)>" + unique("id");
        SignedWebhooks.post(source, OLD, webhookId, "{\"id\": \"<b>x</b>\"}").statusCode(422);

        String page = given().cookies(admin).get("/webhooks/" + source).then().statusCode(200).extract().asString();
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x")
                .contains("aria-label=\"Payload of &lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void onlyAdminsSeeOrChangeWebhookSources() throws Exception {
        String source = apiSource(null);
        ConsoleUsers.Credentials everyOtherRole = ConsoleUsers.create("not-admin", "marketer,publisher,rule-developer");
        Map<String, String> other = ConsoleSession.signIn(everyOtherRole.user(), everyOtherRole.password());

        given().cookies(other).get("/").then().statusCode(200).body(not(containsString("href=\"/webhooks\"")));
        given().cookies(admin).get("/").then().statusCode(200).body(containsString("href=\"/webhooks\""));
        for (String page : List.of("/webhooks", "/webhooks/" + source, "/webhooks/" + source + "/deliveries/1")) {
            given().redirects().follow(false).cookies(other).get(page).then().statusCode(403);
        }
        for (String action : actions(source)) {
            form(other).redirects().follow(false).formParam("name", unique("nope")).formParam("scheme", "standard")
                    .formParam("payload", "{}").post(action).then().statusCode(403);
        }
        api().get("/api/webhook-sources").then().body("find { it.name == '" + source + "' }.enabled", equalTo(true))
                .body("find { it.name == '" + source + "' }.secrets", equalTo(1));
    }

    @Test
    void everyWebhookConsoleActionRefusesAPostWithoutTheCsrfToken() {
        String source = apiSource(null);
        for (String action : actions(source)) {
            given().redirects().follow(false).cookies(admin).formParam("name", unique("nope")).post(action).then().statusCode(400);
            given().redirects().follow(false).cookies(admin)
                    .formParam(ConsoleSession.CSRF_FIELD, ConsoleSession.wrongCsrfToken(admin))
                    .post(action).then().statusCode(400);
            given().redirects().follow(false).cookies(admin).contentType(ContentType.TEXT)
                    .body(ConsoleSession.CSRF_FIELD + "=none").post(action).then().statusCode(415);
        }
        api().get("/api/webhook-sources").then().body("find { it.name == '" + source + "' }.enabled", equalTo(true))
                .body("find { it.name == '" + source + "' }.secrets", equalTo(1));
        assertThat(audit(source)).hasSize(1);
    }

    private static List<String> actions(String source) {
        String page = "/webhooks/" + source;
        return List.of("/webhooks", page + "/disable", page + "/enable", page + "/secrets", page + "/secrets/retire",
                page + "/mapping", page + "/try");
    }

    /** A form post in {@code session} with its CSRF token. */
    @Test
    void anEndpointAtAnInternalAddressIsRefusedOnTheFormWithTheApisMessage() {
        String name = unique("ep").toLowerCase();
        String url = "http://169.254.169.254/latest/meta-data/";
        String apiMessage = api().body(Map.of("name", name, "url", url)).post("/api/webhook-endpoints").then()
                .statusCode(400).extract().path("errors[0].message");

        String page = form(admin).formParam("name", name).formParam("url", url).post("/endpoints").then()
                .statusCode(400).extract().asString();

        assertThat(apiMessage).contains("internal address 169.254.169.254");
        assertThat(page).contains("url: " + apiMessage);
        api().get("/api/webhook-endpoints/" + name).then().statusCode(404);
    }

    private static RequestSpecification form(Map<String, String> session) {
        return given().cookies(session).formParam(ConsoleSession.CSRF_FIELD, session.get(ConsoleSession.CSRF_COOKIE));
    }

    private static String apiSource(String preset) {
        String source = unique("src");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", source, "scheme", "standard", "secrets", List.of(OLD)));
        if (preset != null) {
            body.put("preset", preset);
        }
        api().body(body).post("/api/webhook-sources").then().statusCode(201);
        return source;
    }

    private static String anEvent() {
        return event(unique("e"), "page.viewed", unique("c"), "{}");
    }

    private static String shownSecret(String page) {
        Matcher shown = SHOWN_SECRET.matcher(page);
        assertThat(shown.find()).as("a secret shown once in:\n%s", page).isTrue();
        return shown.group(1);
    }

    /** The audit entries about a source, newest first. */
    private static List<Map<String, Object>> audit(String source) {
        List<Map<String, Object>> entries = api().get("/api/audit?limit=500").then().statusCode(200).extract().jsonPath().getList("$");
        return entries.stream().filter(e -> ("webhook-source:" + source).equals(e.get("target"))).toList();
    }
}
