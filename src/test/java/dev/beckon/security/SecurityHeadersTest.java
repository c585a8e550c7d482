package dev.beckon.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.ConsoleSession;
import dev.beckon.support.Routes;
import dev.beckon.support.Routes.Route;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every console page (each GET route found in the compiled resources, see {@link Routes}), the
 * sign-in page, a static file and a redirect carry the browser protections: a strict
 * Content-Security-Policy, no framing, no content sniffing, no referrer to other sites. The
 * console's templates hold nothing that policy would refuse.
 */
@QuarkusTest
class SecurityHeadersTest {

    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\bsrc=)[^>]*>|<style\\b|\\sstyle=|\\son[a-z]+=|javascript:", Pattern.CASE_INSENSITIVE);

    @Test
    void everyConsolePageSendsTheBrowserProtections() {
        Map<String, String> admin = ConsoleSession.signIn("admin", "test-admin-password");
        List<String> unprotected = new ArrayList<>();
        for (Route route : Routes.console().stream().filter(r -> r.method().equals("GET")).toList()) {
            String path = route.path().replaceAll("\\{[^}]+}", "1");
            check(route.toString(), given().redirects().follow(false).cookies(admin).get(path), unprotected);
        }
        check("sign-in page", given().redirects().follow(false).get("/login"), unprotected);
        check("redirect to sign-in", given().redirects().follow(false).get("/rules"), unprotected);
        check("static file", given().get("/static/beckon.js"), unprotected);
        assertThat(unprotected).as("answers without the browser protections").isEmpty();
    }

    @Test
    void theContentSecurityPolicyAllowsNoInlineScriptOrStyleAndNoFraming() {
        String policy = given().get("/login").then().statusCode(200).extract().header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
    }

    @Test
    void consoleTemplatesHoldNoInlineScriptStyleOrHandler() throws IOException {
        List<String> inline = new ArrayList<>();
        for (Path root : List.of(Path.of("ui-templates"), Path.of("src/main/resources"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (INLINE.matcher(lines.get(i)).find()) {
                            inline.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(inline).as("inline script, style or event handler, refused by the Content-Security-Policy").isEmpty();
    }

    private static void check(String what, Response answer, List<String> unprotected) {
        String policy = answer.header("Content-Security-Policy");
        boolean protectedAnswer = policy != null && policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'")
                && "DENY".equals(answer.header("X-Frame-Options"))
                && "nosniff".equals(answer.header("X-Content-Type-Options"))
                && "same-origin".equals(answer.header("Referrer-Policy"));
        if (!protectedAnswer) {
            unprotected.add(what + " (" + answer.statusCode() + "): CSP " + policy + ", X-Frame-Options "
                    + answer.header("X-Frame-Options") + ", X-Content-Type-Options " + answer.header("X-Content-Type-Options")
                    + ", Referrer-Policy " + answer.header("Referrer-Policy"));
        }
    }
}
