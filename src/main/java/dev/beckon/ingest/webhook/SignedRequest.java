package dev.beckon.ingest.webhook;

import java.util.Map;
import java.util.TreeMap;

/** A webhook as received: its headers (names compared case-insensitively) and its raw body, before any parsing. */
public record SignedRequest(Map<String, String> headers, byte[] body) {

    public SignedRequest {
        Map<String, String> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        insensitive.putAll(headers);
        headers = insensitive;
    }

    public String header(String name) {
        return headers.get(name);
    }
}
