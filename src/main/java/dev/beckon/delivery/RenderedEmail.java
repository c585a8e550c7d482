package dev.beckon.delivery;

/** An email ready to send: HTML escaped where it took data in, with its plain-text twin. */
public record RenderedEmail(String subject, String html, String text) {
}
