package dev.beckon.rules.vocabulary;

import dev.beckon.campaign.CampaignNames;

/** Campaign keys become RabbitMQ routing keys ({@code offer.<campaign>}), so they stay simple. */
final class Campaigns {

    private Campaigns() {
    }

    static void check(String rule, String campaign) {
        if (!CampaignNames.isValid(campaign)) {
            throw new InvalidDecisionException(rule, "campaign \"" + campaign + "\" must be " + CampaignNames.RULE);
        }
    }
}
