package dev.beckon.rules.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A named Given/Expect case kept with the rule set: given these events at these times, expect
 * these decisions. Times are written as {@code "10:00"} or {@code "day 3 09:15"} on a simulated
 * calendar; follow-ups fire as that clock passes their due time.
 *
 * @param exactly when true (the default), decisions nobody expected make the scenario fail
 */
public record Scenario(String name, List<Given> given, List<Expected> expect, Boolean exactly) {

    /** One event of the scenario; the customer defaults to one shared by all its events. */
    public record Given(String at, String type, String customerId, ObjectNode data) {
    }

    /**
     * One expected decision. Only the fields given are compared: {@code kind} is required;
     * {@code status} is {@code pending}, {@code fired}, {@code cancelled} or {@code superseded} for
     * a follow-up; {@code at} is when a follow-up is due (or fired, or was called off).
     */
    public record Expected(String kind, String campaign, String rule, String status, String at, Double percentOff,
                           Double amountOff, String code, String priority) {
    }

    public boolean exactlyOrDefault() {
        return exactly == null || exactly;
    }
}
