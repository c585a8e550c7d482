package dev.beckon.delivery;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import dev.beckon.support.SmtpSink;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(SmtpSink.class)
class EmailDeliveryTest {

    @Test
    void aWelcomeOfferIsEmailedOverSmtpWithAnHtmlAndAPlainTextPart() throws Exception {
        String customer = unique("c");
        String address = customer + "@example.com";
        signUp(customer, address);

        MimeMessage mail = awaitMailTo(address);
        assertThat(mail.getSubject()).isEqualTo("An offer for you");
        assertThat(mail.getHeader("X-Beckon-Decision")[0]).isEqualTo(offerDecision(customer));
        assertThat(mail.getMessageID()).isEqualTo("<" + offerDecision(customer) + "@beckon>");
        assertThat(part(mail, "text/html")).contains("<strong>WELCOME10</strong>").contains("10% off");
        assertThat(part(mail, "text/plain")).contains("Use the code WELCOME10 for 10% off.").doesNotContain("<");

        String decision = offerDecision(customer);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                api().get("/api/decisions/" + decision + "/deliveries").then()
                        .body("findAll { it.channel == 'email' }.status", hasItem("delivered")));
    }

    @Test
    void aCampaignTemplateEditedThroughTheApiIsUsedAndEscapesWhatItInserts() throws Exception {
        api().body(Map.of("subject", "Welcome, {customer.id}",
                        "html", "<p>Hi {customer.id}</p><p>{message}</p><p>Code: {offer.code}</p>",
                        "text", "Hi {customer.id}. Code: {offer.code}"))
                .put("/api/message-templates/welcome").then().statusCode(200);
        try {
            String customer = unique("<b>c</b>");
            String address = unique("ada") + "@example.com";
            signUp(customer, address);

            MimeMessage mail = awaitMailTo(address);
            assertThat(mail.getSubject()).isEqualTo("Welcome, " + customer);
            assertThat(part(mail, "text/html")).contains("Hi &lt;b&gt;c&lt;/b&gt;").doesNotContain("<b>c</b>")
                    .contains("Code: WELCOME10");
            assertThat(part(mail, "text/plain")).contains("Hi " + customer + ". Code: WELCOME10");
        } finally {
            String defaultTemplate = api().get("/api/message-templates/*").then().statusCode(200).extract().asString();
            api().body(defaultTemplate.replace("\"campaign\":\"*\"", "\"campaign\":\"welcome\""))
                    .put("/api/message-templates/welcome");
        }
    }

    @Test
    void aTemplateThatDoesNotRenderIsRefusedWithThePartAndLine() {
        api().body(Map.of("subject", "Hello", "html", "<p>Hello</p>\n<p>{#if offer.code}</p>", "text", "Hello {nobody.knows}"))
                .put("/api/message-templates/broken").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("html", "text"))
                .body("errors.find { it.field == 'html' }.line", org.hamcrest.Matchers.equalTo(2));
        api().get("/api/message-templates/broken").then().statusCode(404);
    }

    @Test
    void aCustomerWithoutAnAddressGetsNoEmailAndTheDeliveryIsSuppressedWithTheReason() {
        String customer = unique("c");
        api().body(event(unique("e"), "customer.signed_up", customer, "{}")).post("/api/events").then().statusCode(202);
        String decision = offerDecision(customer);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                api().get("/api/decisions/" + decision + "/deliveries").then()
                        .body("find { it.channel == 'email' }.status", org.hamcrest.Matchers.equalTo("suppressed"))
                        .body("find { it.channel == 'email' }.reason",
                                org.hamcrest.Matchers.equalTo("no email address is known for the customer")));
    }

    static void signUp(String customer, String address) {
        api().body(event(unique("e"), "customer.signed_up", customer, "{\"email\": \"" + address + "\"}"))
                .post("/api/events").then().statusCode(202);
    }

    static String offerDecision(String customer) {
        List<Map<String, Object>> decisions = api().get("/api/customers/{id}/decisions", customer).jsonPath().getList("$");
        return decisions.stream().filter(d -> "offer".equals(d.get("kind"))).map(d -> (String) d.get("id"))
                .findFirst().orElseThrow();
    }

    static MimeMessage awaitMailTo(String address) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(address), Optional::isPresent).orElseThrow();
    }

    static Optional<MimeMessage> mailTo(String address) {
        return SmtpSink.received().stream().filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> ((InternetAddress) r).getAddress().equals(address));
            } catch (MessagingException e) {
                return false;
            }
        }).findFirst();
    }

    static String part(Part message, String type) throws MessagingException, IOException {
        if (message.isMimeType(type)) {
            return (String) message.getContent();
        }
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String found = part(part, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
