package dev.beckon.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a rendered message over SMTP (Quarkus Mailer): an HTML part and a plain-text part, and the
 * decision's id in a header so a bounce or a complaint can be traced back to the rule that sent it.
 * The mail server accepting the message is a delivery; refusing it, or not answering in time, is a
 * failed attempt.
 */
@ApplicationScoped
public class EmailSender {

    static final String DECISION_HEADER = "X-Beckon-Decision";

    @Inject
    ReactiveMailer mailer;
    @Inject
    DeliveryConfig config;
    @Inject
    Clock clock;

    public CompletableFuture<AttemptResult> send(DeliveryJob job, RenderedEmail email) {
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        Mail mail = Mail.withHtml(job.target(), email.subject(), email.html())
                .setText(email.text())
                .addHeader(DECISION_HEADER, job.decisionId().toString())
                // The same Message-ID on every attempt: if Beckon stops after the server took the mail
                // and sends it again, mail providers that drop duplicate Message-IDs show it once.
                .addHeader("Message-ID", "<" + job.decisionId() + "@beckon>");
        return mailer.send(mail)
                .ifNoItem().after(config.requestTimeout()).fail()
                .subscribeAsCompletionStage()
                .handle((ignored, failure) -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    if (failure == null) {
                        return AttemptResult.ok(startedAt, millis, null);
                    }
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                    return AttemptResult.failed(startedAt, millis, null, "SMTP: " + message);
                })
                .toCompletableFuture();
    }
}
