package dev.beckon.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's CSRF token, bound to the server-side session it belongs to: an HMAC of the session's
 * token (the {@value SessionCookies#SESSION} cookie) under the session key. A page on another site
 * cannot know it, and a cookie-and-token pair taken from another browser, which has another session,
 * does not fit this one. Quarkus' CSRF filter (quarkus-rest-csrf) hands the token to the forms from
 * its cookie; Beckon sets that cookie to this value at sign-in, and {@code dev.beckon.console.ConsoleCsrf}
 * refuses a form whose token is not its session's.
 */
@ApplicationScoped
public class CsrfTokens {

    /** quarkus-rest-csrf's token size: it refuses a cookie of another length. */
    private static final int BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    @Inject
    CsrfTokens(@ConfigProperty(name = SessionKeySource.PROPERTY) String sessionKey) {
        this.key = new SecretKeySpec(("beckon-csrf:" + sessionKey).getBytes(UTF_8), ALGORITHM);
    }

    /** The token of the session whose cookie holds {@code sessionToken}. */
    public String forSession(String sessionToken) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] tag = Arrays.copyOf(mac.doFinal(sessionToken.getBytes(UTF_8)), BYTES);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code sent} is the token of that session (compared in constant time). */
    public boolean belongsTo(String sessionToken, String sent) {
        return sessionToken != null && sent != null
                && MessageDigest.isEqual(forSession(sessionToken).getBytes(UTF_8), sent.getBytes(UTF_8));
    }
}
