package dev.beckon.policy;

import dev.beckon.campaign.Campaign;
import dev.beckon.campaign.CampaignSettings;
import dev.beckon.consent.ContactPoints.Consent;
import dev.beckon.inbox.OpenEscalations;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What judging a batch of marketing messages needs to know, read once per batch: the campaigns and
 * their settings, the messaging policy, and for the batch's customers their consent, open
 * escalations, time zones and segments, and the events the decisions were made on. {@code unwritten}
 * holds the batch's verdicts not yet written: they go in one round trip, before anything counts them.
 */
public record PolicyContext(Map<String, Campaign> campaigns, Map<String, CampaignSettings> settings,
                            MessagingPolicy policy, Map<String, Map<String, Consent>> consent,
                            Map<String, List<OpenEscalations.Hold>> escalations, Map<String, String> timeZones,
                            Map<String, Set<String>> segments, Map<String, TriggerEvent> events, Instant now,
                            List<VerdictLedger.Entry> unwritten) {

    Campaign campaign(String name) {
        return campaigns.get(name);
    }

    CampaignSettings settingsOf(String name) {
        return settings.getOrDefault(name, CampaignSettings.NONE);
    }

    /** Why an escalation open as of the message's deciding moment holds it back, or null when none does. */
    String heldBackBecause(MarketingMessage m) {
        return escalations.getOrDefault(m.customerId(), List.of()).stream()
                .filter(hold -> hold.holdsBack(m.eventId(), m.position(), m.asOf()))
                .map(OpenEscalations.Hold::reason).findFirst().orElse(null);
    }

    ZoneId zoneOf(String customerId) {
        return MessagingPolicy.zoneOr(timeZones.get(customerId), policy.defaultZone());
    }
}
