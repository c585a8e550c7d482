package dev.beckon.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A business's webhook endpoint on a free port: it records every request and answers with what
 * the test says (a status, after an optional delay), so a test can make it fail, hang and recover.
 */
public final class TestEndpoint implements AutoCloseable {

    /** A request as received: headers (lower-case names) and body. */
    public record Received(Map<String, String> headers, String body, long receivedAtMillis) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** The answer to the n-th request (counting from 1): a status and how long to wait before it. */
    public record Answer(int status, long delayMillis) {
        public static Answer status(int status) {
            return new Answer(status, 0);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Function<Received, Answer> answers = request -> Answer.status(200);

    public TestEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            Received request = new Received(headers, new String(body, StandardCharsets.UTF_8), System.currentTimeMillis());
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            received.add(request);
            Answer answer = answers.apply(request);
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            byte[] reply = ("{\"answer\":" + answer.status() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/beckon";
    }

    public void answer(Function<Received, Answer> answers) {
        this.answers = answers;
    }

    /** The most requests this endpoint was answering at once (meaningful while answers come before the sender's timeout). */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    /** Every request so far, in arrival order. */
    public List<Received> all() {
        return List.copyOf(received);
    }

    /** The requests about one customer (their body names it), in arrival order. */
    public List<Received> about(String customerId) {
        return received.stream().filter(r -> r.body().contains("\"customerId\":\"" + customerId + "\"")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
