package dev.beckon.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free port for the whole test run; Beckon's mailer is pointed
 * at it, so email tests cover the SMTP conversation, not a mock of it.
 */
public class SmtpSink implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return Map.of("quarkus.mailer.port", Integer.toString(server.getSmtp().getPort()),
                "quarkus.mailer.host", "127.0.0.1");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Every message the server accepted so far. */
    public static List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }
}
