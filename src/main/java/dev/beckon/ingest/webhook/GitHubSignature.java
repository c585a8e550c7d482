package dev.beckon.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The GitHub style: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}; id in {@code X-GitHub-Delivery}. */
public final class GitHubSignature implements SignatureScheme {

    @Override
    public Verified verify(SignedRequest request, List<String> secrets, Instant now) {
        String header = request.header("X-Hub-Signature-256");
        if (header == null || !header.startsWith("sha256=")) {
            throw new Refused(401, "the X-Hub-Signature-256 header (sha256=...) is required");
        }
        byte[] given = Hmac.hex(header.substring("sha256=".length()).trim());
        for (String secret : secrets) {
            if (Hmac.same(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), request.body()), given)) {
                return new Verified(request.header("X-GitHub-Delivery"));
            }
        }
        throw new Refused(401, "X-Hub-Signature-256 does not match");
    }

    /** A form with the JSON in {@code payload} is GitHub's default content type; the signature covers the form as sent. */
    @Override
    public boolean postsForms() {
        return true;
    }
}
