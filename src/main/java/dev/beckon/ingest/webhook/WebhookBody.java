package dev.beckon.ingest.webhook;

import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Where the JSON of a verified webhook is, by its media type. Every sender posts {@code application/json}
 * (Stripe adds a charset); GitHub's default is {@code application/x-www-form-urlencoded} with the JSON,
 * URL-encoded, in the {@code payload} field. The signature covers the body as sent, so this is read only
 * after it is checked.
 *
 * @param json       the JSON text, to be parsed; null when it cannot be read
 * @param field      where it came from, to name in an error: {@code body} or {@code payload}
 * @param unreadable why the JSON cannot be read, when it cannot
 */
record WebhookBody(byte[] json, String field, String unreadable) {

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    /** The JSON a request carries, or a 415 naming Content-Type when its media type is not one the sender uses. */
    static WebhookBody of(SignatureScheme scheme, SignedRequest request) {
        String contentType = request.header("Content-Type");
        String mediaType = contentType == null ? JSON : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (mediaType.equals(JSON)) {
            return new WebhookBody(request.body(), "body", null);
        }
        if (mediaType.equals(FORM) && scheme.postsForms()) {
            return payloadField(request.body());
        }
        String accepted = scheme.postsForms() ? JSON + " or " + FORM + " (a payload field)" : JSON;
        throw new ProblemException(415, "Unsupported media type", "This source's webhooks are " + accepted,
                List.of(new FieldError("Content-Type", "is " + abbreviated(mediaType) + "; expected " + accepted)));
    }

    private static WebhookBody payloadField(byte[] form) {
        for (String pair : new String(form, StandardCharsets.US_ASCII).split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].equals("payload")) {
                try {
                    byte[] json = URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
                    return new WebhookBody(json, "payload", null);
                } catch (IllegalArgumentException e) {
                    return new WebhookBody(null, "payload", "is not URL-encoded");
                }
            }
        }
        return new WebhookBody(null, "payload", "is required: the form holds no payload field");
    }

    /** The media type as a sender wrote it, shortened: it is echoed in the answer, and anyone can send one. */
    private static String abbreviated(String mediaType) {
        return mediaType.length() > 80 ? mediaType.substring(0, 80) + "…" : mediaType;
    }
}
