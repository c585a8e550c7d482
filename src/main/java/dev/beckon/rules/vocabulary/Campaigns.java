package dev.beckon.rules.vocabulary;

import java.util.regex.Pattern;

/** Campaign keys become RabbitMQ routing keys ({@code offer.<campaign>}), so they stay simple. */
final class Campaigns {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private Campaigns() {
    }

    static void check(String rule, String campaign) {
        if (campaign == null || !KEY.matcher(campaign).matches()) {
            throw new InvalidDecisionException(rule, "campaign \"" + campaign
                    + "\" must be lower case letters, digits, '-' or '_' (at most 64), e.g. \"abandoned-cart\"");
        }
    }
}
