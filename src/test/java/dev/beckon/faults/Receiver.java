package dev.beckon.faults;

import dev.beckon.support.TestEndpoint;
import dev.beckon.support.TestEndpoint.Answer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The business's endpoint that Beckon delivers decisions to. It notes every request with the
 * answer it gave. Healthy, it answers 200 at once; it can be told to hang past Beckon's request
 * timeout (then answer 503, so a request Beckon gave up on is never one the receiver took) or to
 * answer 500. Only requests answered 2xx count as deliveries made.
 */
final class Receiver implements AutoCloseable {

    enum Mode { healthy, timingOut, failing }

    /** One request: the decision it carried (webhook-id), what the body said, the answer, and when. */
    record Receipt(String webhookId, String bodyDecisionId, int status, long atMillis) {
        boolean made() {
            return status >= 200 && status < 300;
        }
    }

    private final TestEndpoint endpoint = new TestEndpoint();
    private final List<Receipt> receipts = new CopyOnWriteArrayList<>();
    private final long hangMillis;
    private volatile Mode mode = Mode.healthy;

    /** @param hangMillis how long a timing-out answer takes: longer than Beckon's request timeout */
    Receiver(long hangMillis) throws IOException {
        this.hangMillis = hangMillis;
        endpoint.answer(request -> {
            Mode now = mode;
            Answer answer = now == Mode.healthy ? Answer.status(200)
                    : now == Mode.failing ? Answer.status(500) : new Answer(503, hangMillis);
            receipts.add(new Receipt(request.header("webhook-id"), decisionIdIn(request.body()), answer.status(),
                    request.receivedAtMillis()));
            return answer;
        });
    }

    String url() {
        return endpoint.url();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    List<Receipt> receipts() {
        return List.copyOf(receipts);
    }

    long hangMillis() {
        return hangMillis;
    }

    @Override
    public void close() {
        endpoint.close();
    }

    private static String decisionIdIn(String body) {
        int at = body.indexOf("\"decisionId\":\"");
        return at < 0 ? null : body.substring(at + 14, body.indexOf('"', at + 14));
    }
}
