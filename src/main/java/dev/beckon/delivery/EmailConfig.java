package dev.beckon.delivery;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Email delivery ({@code beckon.email.*}); the SMTP details themselves are Quarkus Mailer's. */
@ConfigMapping(prefix = "beckon.email")
public interface EmailConfig {

    /** SMTP server host (BECKON_SMTP_HOST); unset, email is off and email deliveries are recorded as suppressed. */
    Optional<String> smtpHost();
}
