package dev.beckon.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Beckon's JSON API as an operator's script calls it: a bearer key, JSON in, status and body out. */
final class BeckonApi {

    record Answer(int status, String contentType, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final Supplier<String> baseUrl;
    private final String key;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code baseUrl} is asked on every call: the replica answering may change when one is killed. */
    BeckonApi(Supplier<String> baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Posts and insists on a 2xx: for the harness's own set-up, where anything else is a broken run. */
    Answer require(String path, String json) throws IOException, InterruptedException {
        Answer answer = post(path, json);
        if (!answer.ok()) {
            throw new IllegalStateException("POST " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl.get() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json");
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("content-type").orElse(""), response.body());
    }
}
