package dev.beckon.policy;

import dev.beckon.campaign.Campaign;
import dev.beckon.campaign.CampaignSettings;
import dev.beckon.consent.ContactPoints.Consent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * What judging a batch of marketing messages needs to know, read once per batch: the campaigns and
 * their settings, the messaging policy, and for the batch's customers their consent, open
 * escalations, time zones and segments, and the events the decisions were made on.
 */
public record PolicyContext(Map<String, Campaign> campaigns, Map<String, CampaignSettings> settings,
                            MessagingPolicy policy, Map<String, Map<String, Consent>> consent,
                            Map<String, String> heldBack, Map<String, String> timeZones,
                            Map<String, Set<String>> segments, Map<String, TriggerEvent> events, Instant now) {

    Campaign campaign(String name) {
        return campaigns.get(name);
    }

    CampaignSettings settingsOf(String name) {
        return settings.getOrDefault(name, CampaignSettings.NONE);
    }

    ZoneId zoneOf(String customerId) {
        return MessagingPolicy.zoneOr(timeZones.get(customerId), policy.defaultZone());
    }
}
