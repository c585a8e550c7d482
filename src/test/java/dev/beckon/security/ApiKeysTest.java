package dev.beckon.security;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.beckon.support.ConsoleSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** API keys: scoped, shown once, listed without their secret, revocable at once, and apart from console sessions. */
@QuarkusTest
class ApiKeysTest {

    @Test
    void aKeyDoesWhatItsScopesAllowUntilItIsRevoked() {
        String name = unique("ci");
        JsonPath created = api().body(Map.of("name", name, "scopes", List.of("read", "rules:write")))
                .post("/api/api-keys").then().statusCode(201).header("Cache-Control", "no-store").extract().jsonPath();
        String key = created.getString("key");
        long id = created.getLong("apiKey.id");
        assertThat(key).startsWith("bk_").startsWith(created.getString("apiKey.prefix"));

        given().header("Authorization", "Bearer " + key).get("/api/rulesets").then().statusCode(200);
        given().header("Authorization", "Bearer " + key).get("/q/metrics").then().statusCode(200);
        given().header("Authorization", "Bearer " + key).contentType("application/json").body("{}")
                .post("/api/events").then().statusCode(403);
        given().header("Authorization", "Bearer " + key).get("/api/audit").then().statusCode(403);

        String listed = api().get("/api/api-keys").then().statusCode(200)
                .body("find { it.id == " + id + " }.scopes", equalTo(List.of("read", "rules:write")))
                .body("find { it.id == " + id + " }.lastUsedAt", notNullValue())
                .body("find { it.id == " + id + " }.createdBy", equalTo("key:BECKON_API_KEY"))
                .extract().asString();
        assertThat(listed).doesNotContain(key.substring(10)).doesNotContain("keyHash").doesNotContain("hash");

        api().delete("/api/api-keys/" + id).then().statusCode(200).body("revokedAt", notNullValue());
        given().header("Authorization", "Bearer " + key).get("/api/rulesets").then().statusCode(401);
        api().get("/api/audit?limit=5000").then()
                .body("findAll { it.target == 'api-key:" + id + "' }.action", org.hamcrest.Matchers.hasItems("api-key.created", "api-key.revoked"));
    }

    @Test
    void anApiEndpointThatNamesNoScopeIsRefusedToEveryKey() {
        api().get("/api/test-only/undeclared-scope").then().statusCode(403)
                .body(not(containsString("should never be seen")));
    }

    @Test
    void refusesAKeyWithoutScopesOrWithOneThatDoesNotExist() {
        api().body(Map.of("name", unique("k"), "scopes", List.of())).post("/api/api-keys").then().statusCode(400);
        api().body(Map.of("name", unique("k"), "scopes", List.of("read", "everything"))).post("/api/api-keys")
                .then().statusCode(400).body(containsString("scopes"));
    }

    @Test
    void anAdminMakesAKeyInTheConsoleAndSeesItOnlyOnce() {
        Map<String, String> admin = ConsoleSession.signIn("admin", "test-admin-password");
        String name = unique("console-key");
        String page = given().redirects().follow(false).cookies(admin)
                .formParam(ConsoleSession.CSRF_FIELD, admin.get(ConsoleSession.CSRF_COOKIE))
                .formParam("name", name).formParam("scopes", "events:write")
                .post("/api-keys").then().statusCode(201).extract().asString();
        Matcher shown = Pattern.compile("(bk_[0-9a-f]{64})").matcher(page);
        assertThat(shown.find()).as("the new key on the page").isTrue();
        String key = shown.group(1);

        given().header("Authorization", "Bearer " + key).get("/api/rulesets").then().statusCode(403);
        given().cookies(admin).get("/api-keys").then().statusCode(200)
                .body(containsString(name)).body(not(containsString(key)));
        // A console session is no API key, and an API key no console session.
        given().redirects().follow(false).cookies(admin).get("/api/rulesets").then().statusCode(401);
        given().redirects().follow(false).header("Authorization", "Bearer " + key).get("/rules").then().statusCode(302);
    }
}
