package dev.beckon.ingest.webhook;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies as senders really post them: GitHub's default is a form whose {@code payload} field holds the
 * JSON, signed as the form; Stripe adds a charset. Anything else is refused with Beckon's own problem body.
 */
@QuarkusTest
class WebhookMediaTypeTest {

    private static final String SECRET = "github webhook secret, long enough";
    private static final String FORM = "application/x-www-form-urlencoded";
    // Sent exactly as given: no charset appended, no re-encoding of the body.
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                    .encodeContentTypeAs(FORM, ContentType.TEXT));

    private String source;

    @BeforeEach
    void createSource() {
        source = unique("github");
        api().body(Map.of("name", source, "scheme", "github", "secrets", List.of(SECRET))).post("/api/webhook-sources")
                .then().statusCode(201);
    }

    @Test
    void gitHubsDefaultFormEncodedWebhookIsAcceptedAndItsPayloadFieldIsTheJson() {
        String customer = unique("c");
        String json = event(unique("e"), "order.completed", customer, "{\"total\": 12, \"note\": \"a&b=c %+\"}");
        String form = "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);

        post(FORM, form, unique("delivery")).statusCode(200).body("events[0].status", equalTo("accepted"));

        api().get("/api/customers/" + customer).then().statusCode(200).body("orderCount", equalTo(1));
    }

    @Test
    void gitHubsJsonWebhookWithACharsetIsAccepted() {
        String customer = unique("c");
        post("application/json; charset=utf-8", event(unique("e"), "page.viewed", customer, "{}"), unique("delivery"))
                .statusCode(200).body("events[0].status", equalTo("accepted"));
        api().get("/api/customers/" + customer).then().statusCode(200);
    }

    @Test
    void aFormWithoutAPayloadFieldIsRefusedWith422NamingTheField() {
        post(FORM, "other=" + URLEncoder.encode("{}", StandardCharsets.UTF_8), unique("delivery")).statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("payload"));
    }

    @Test
    void anUnsupportedMediaTypeIsRefusedWithBeckonsProblemNamingTheHeader() {
        String customer = unique("c");
        post("text/plain", event(unique("e"), "page.viewed", customer, "{}"), unique("delivery")).statusCode(415)
                .contentType("application/problem+json").body("status", equalTo(415))
                .body("errors[0].field", equalTo("Content-Type"))
                .body("detail", not(containsString("@Consumes")));
        api().get("/api/customers/" + customer).then().statusCode(404);
    }

    @Test
    void aSignedBodyThatIsNotJsonIsRefusedWith422NamingTheBody() {
        post("application/json", "{not json", unique("delivery")).statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }

    /** Posted as GitHub posts: the HMAC of the body exactly as sent, in X-Hub-Signature-256. */
    private ValidatableResponse post(String contentType, String body, String delivery) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return given().config(RAW).contentType(contentType)
                .header("X-GitHub-Delivery", delivery).header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", "sha256=" + hmac(bytes))
                .body(bytes).post("/hooks/" + source).then();
    }

    private static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
