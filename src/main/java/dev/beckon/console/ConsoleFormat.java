package dev.beckon.console;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console writes values for people: {@code {console:time(x)}} and {@code {console:query(x)}} in a template. */
public final class ConsoleFormat {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ConsoleFormat() {
    }

    /** An instant to the minute, in UTC; empty for none. */
    @TemplateExtension(namespace = "console")
    public static String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }

    /** A value for a query parameter, e.g. a rule name, which may hold any character. */
    @TemplateExtension(namespace = "console")
    public static String query(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
