package dev.beckon.rules.vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * The global {@code decide} every rule uses to state its decisions:
 * <pre>
 * decide.offer("cart-rescue").percentOff(10).code("CART10").channel("email").validFor("7d");
 * decide.followUp("abandoned-cart").after("30m").message("Still thinking it over?").cancelledBy("order.completed");
 * decide.escalate("Angry feedback").priority("high");
 * </pre>
 * A fresh instance collects the decisions of one event; the rule that made each is recorded.
 */
public final class Decide {

    private final List<Draft> drafts = new ArrayList<>();
    private String currentRule = "unknown";

    public OfferDraft offer(String campaign) {
        return add(new OfferDraft(currentRule, campaign));
    }

    public FollowUpDraft followUp(String campaign) {
        return add(new FollowUpDraft(currentRule, campaign));
    }

    public EscalationDraft escalate(String reason) {
        return add(new EscalationDraft(currentRule, reason));
    }

    /** Called by the engine before each rule's consequence runs, so drafts know their rule. */
    public void ruleFiring(String ruleName) {
        this.currentRule = ruleName;
    }

    public List<Draft> drafts() {
        return List.copyOf(drafts);
    }

    private <T extends Draft> T add(T draft) {
        drafts.add(draft);
        return draft;
    }
}
