package dev.beckon.console.campaigns;

import dev.beckon.rules.ActiveRules;
import dev.beckon.rules.RuleCatalog;
import dev.beckon.rules.RuleSet;
import dev.beckon.rules.RuleSetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rules of the live version decide under each campaign ({@code decide.offer("name")},
 * {@code decide.followUp("name")}), so a marketer sees that a campaign is attached to rules at all:
 * a campaign without one never sends anything. Read from the rule text as the rules list reads it.
 */
@ApplicationScoped
public class CampaignRules {

    /** A live rule deciding under a campaign: its name, where it starts, and what it decides there. */
    public record RuleUse(String rule, int line, boolean enabled, List<String> decides) {
    }

    @Inject
    ActiveRules active;
    @Inject
    RuleSetService ruleSets;

    /** The live version, 0 when none is. */
    public int liveVersion() {
        return active.version();
    }

    /** The live rules by the campaign they decide under. */
    public Map<String, List<RuleUse>> byCampaign() {
        Map<String, List<RuleUse>> uses = new HashMap<>();
        int live = active.version();
        String drl = live == 0 ? "" : ruleSets.find(live).map((RuleSet r) -> r.drl).orElse("");
        for (RuleCatalog.Entry rule : RuleCatalog.describe(drl)) {
            Map<String, List<String>> kindsByCampaign = new HashMap<>();
            for (String decision : rule.decides()) {
                // RuleCatalog writes "offer NAME" and "follow-up NAME"; escalations name a queue, not a campaign.
                int space = decision.indexOf(' ');
                String kind = decision.substring(0, space);
                if (kind.equals("offer") || kind.equals("follow-up")) {
                    kindsByCampaign.computeIfAbsent(decision.substring(space + 1), c -> new ArrayList<>()).add(kind);
                }
            }
            kindsByCampaign.forEach((campaign, kinds) -> uses.computeIfAbsent(campaign, c -> new ArrayList<>())
                    .add(new RuleUse(rule.name(), rule.line(), rule.enabled(), List.copyOf(kinds))));
        }
        return uses;
    }

    public List<RuleUse> decidingUnder(String campaign) {
        return byCampaign().getOrDefault(campaign, List.of());
    }
}
