package dev.beckon.campaign;

import java.util.regex.Pattern;

/**
 * What a campaign may be called, in one place: rules decide under the name, it becomes a RabbitMQ
 * routing key ({@code offer.<campaign>}), and campaigns and message templates are registered under
 * it, so all of them must accept exactly the same names.
 */
public final class CampaignNames {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** The rule, worded for an error message. */
    public static final String RULE = "lower case letters, digits, '-' or '_' (at most 64), e.g. \"abandoned-cart\"";

    private CampaignNames() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
