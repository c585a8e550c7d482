package dev.beckon.faults;

/**
 * The rule set the suite publishes, written so that the decisions each event must get follow from
 * the input alone: a cart update makes a follow-up (cancelled by an order, superseded by the next
 * cart update, fired when due), an order makes an offer, a rating of 2 or less an escalation, and
 * {@code fault.explode} makes a rule throw. The follow-up delay is short so they fire within the run.
 */
final class HarnessRules {

    static final String FOLLOW_UP_RULE = "Fault cart follow-up";
    static final String OFFER_RULE = "Fault thank-you offer";
    static final String ESCALATION_RULE = "Fault low rating";
    /** The second version, published mid-stream by the publish scenario, names its offer rule apart. */
    static final String SECOND_VERSION_SUFFIX = " (second version)";
    static final String EXPLODING_TYPE = "fault.explode";

    private HarnessRules() {
    }

    static String drl(int followUpSeconds, boolean secondVersion) {
        String suffix = secondVersion ? SECOND_VERSION_SUFFIX : "";
        return """
                rule "%s"
                when
                    Event(type == "cart.updated")
                then
                    decide.followUp("fault-cart").after("%ds").message("Your cart is waiting.").cancelledBy("order.completed");
                end

                rule "%s"
                when
                    Event(type == "order.completed")
                then
                    decide.offer("fault-thanks").percentOff(5).code("THANKS5").channel("sms").validFor("2d");
                end

                rule "%s"
                when
                    Event(type == "feedback.submitted", number("rating") <= 2)
                then
                    decide.escalate("Low rating").priority("normal").queue("support");
                end

                // Makes a rule throw at evaluation time: "soon" is no duration.
                rule "Fault explodes"
                when
                    Event(type == "%s")
                then
                    decide.followUp("fault-explode").after("soon");
                end
                """.formatted(FOLLOW_UP_RULE, followUpSeconds, OFFER_RULE + suffix, ESCALATION_RULE, EXPLODING_TYPE);
    }

    /** The rule that must decide an event of this type (and rating), or null when none must. */
    static String expectedRule(PlannedEvent event) {
        switch (event.type()) {
            case "cart.updated":
                return FOLLOW_UP_RULE;
            case "order.completed":
                return OFFER_RULE;
            case "feedback.submitted":
                return rating(event) <= 2 ? ESCALATION_RULE : null;
            default:
                return null;
        }
    }

    /** A decision's rule counts as the expected one in either version. */
    static boolean sameRule(String expected, String recorded) {
        return recorded.equals(expected) || recorded.equals(expected + SECOND_VERSION_SUFFIX);
    }

    private static int rating(PlannedEvent event) {
        String data = event.data();
        int at = data.indexOf("\"rating\":") + 9;
        return Integer.parseInt(data.substring(at, at + 1));
    }
}
