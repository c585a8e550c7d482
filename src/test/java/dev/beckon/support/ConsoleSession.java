package dev.beckon.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;

/** A signed-in console session with its CSRF cookie, as a browser would hold them, for posting forms without one. */
public final class ConsoleSession {

    /** Form authentication's cookie: who signed in. */
    public static final String SESSION_COOKIE = "quarkus-credential";
    /** The server-side session's cookie: that the sign-in still holds. */
    public static final String SERVER_SESSION_COOKIE = "beckon-session";
    public static final String CSRF_COOKIE = "csrf-token";
    /** The form field the CSRF token goes in; it has the cookie's name. */
    public static final String CSRF_FIELD = "csrf-token";

    private ConsoleSession() {
    }

    /** Adds a console user with these roles (comma-separated), straight into the test database. */
    /** A console user with this name and password; see {@link ConsoleUsers#create} for one with a unique name. */
    /**
     * The session's CSRF token with its first character changed: a wrong token. (Always putting an
     * "A" first gave the right token back whenever the real one began with "A", one run in 64.)
     */
    public static String wrongCsrfToken(Map<String, String> cookies) {
        String token = cookies.get(CSRF_COOKIE);
        return (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
    }

    public static void createUser(String user, String password, String roles) throws SQLException {
        ConsoleUsers.insert(user, password, roles);
    }

    public static Map<String, String> signIn(String user, String password) {
        Map<String, String> session = sessionCookies(user, password);
        Map<String, String> csrf = given().redirects().follow(false).cookies(session)
                .get("/").then().statusCode(200).extract().cookies();
        assertThat(csrf).containsKey(CSRF_COOKIE);
        return Map.of(SESSION_COOKIE, session.get(SESSION_COOKIE), SERVER_SESSION_COOKIE, session.get(SERVER_SESSION_COOKIE),
                CSRF_COOKIE, csrf.get(CSRF_COOKIE));
    }

    /** Only the two cookies of a sign-in, for a user who may not read any page (and so never gets a CSRF cookie). */
    public static Map<String, String> sessionCookies(String user, String password) {
        Map<String, String> session = given().redirects().follow(false)
                .formParam("j_username", user).formParam("j_password", password)
                .post("/j_security_check").then().statusCode(302).extract().cookies();
        assertThat(session).containsKeys(SESSION_COOKIE, SERVER_SESSION_COOKIE);
        return session;
    }
}
