package dev.beckon.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The two cookies of a console session: form authentication's encrypted one (who signed in) and
 * {@value #SESSION} (which server-side session); and the session's CSRF cookie. All are HTTP-only
 * and SameSite=Strict, and Secure when the request came over TLS (directly, or per
 * X-Forwarded-Proto from a trusted proxy).
 */
@ApplicationScoped
public class SessionCookies {

    public static final String SESSION = "beckon-session";
    /** Tells the sign-in page, after a refused sign-in, that it was refused for too many failures. */
    public static final String LOGIN_NOTICE = "beckon-login-notice";
    public static final String THROTTLED = "throttled";

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String formCookie;
    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token")
    String csrfCookie;
    @ConfigProperty(name = "quarkus.rest-csrf.cookie-max-age", defaultValue = "2H")
    Duration csrfMaxAge;

    public String session(RoutingContext http) {
        Cookie cookie = http == null ? null : http.request().getCookie(SESSION);
        return cookie == null ? null : cookie.getValue();
    }

    /** The CSRF cookie's value, or null. */
    public String csrf(RoutingContext http) {
        Cookie cookie = http == null ? null : http.request().getCookie(csrfCookie);
        return cookie == null ? null : cookie.getValue();
    }

    public void setSession(RoutingContext http, String token) {
        http.response().addCookie(strict(Cookie.cookie(SESSION, token), http));
    }

    /** Forgets both cookies, so a browser holding an ended session lands on the sign-in page instead of going round in circles. */
    public void clear(RoutingContext http) {
        http.response().addCookie(strict(Cookie.cookie(SESSION, ""), http).setMaxAge(0));
        http.response().addCookie(strict(Cookie.cookie(formCookie, ""), http).setMaxAge(0));
    }

    /**
     * Sets the CSRF cookie (quarkus-rest-csrf's, which hands its value to the forms) to the session's
     * token from {@link CsrfTokens}, for as long as a session can last.
     */
    public void setCsrf(RoutingContext http, String token) {
        http.response().addCookie(strict(Cookie.cookie(csrfCookie, token), http).setMaxAge(csrfMaxAge.toSeconds()));
    }

    public void noticeThrottled(RoutingContext http) {
        http.response().addCookie(strict(Cookie.cookie(LOGIN_NOTICE, THROTTLED), http).setPath("/login").setMaxAge(60));
    }

    private static Cookie strict(Cookie cookie, RoutingContext http) {
        return cookie.setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(http.request().isSSL());
    }
}
