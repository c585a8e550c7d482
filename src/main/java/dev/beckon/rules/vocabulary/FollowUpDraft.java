package dev.beckon.rules.vocabulary;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A message to send later unless the customer does something first. A newer follow-up of the
 * same campaign for the same customer replaces a pending one, so five cart updates make one
 * reminder, timed from the last.
 */
public final class FollowUpDraft implements Draft {

    private final String rule;
    private final String campaign;
    private String after;
    private String message;
    private String channel = "email";
    private final Set<String> cancelledBy = new LinkedHashSet<>();
    private Double offerPercentOff;
    private Double offerAmountOff;
    private String offerCode;

    FollowUpDraft(String rule, String campaign) {
        this.rule = rule;
        this.campaign = campaign;
    }

    /** Delay after the event occurred, e.g. "30m" or "3d". */
    public FollowUpDraft after(String delay) {
        this.after = delay;
        return this;
    }

    public FollowUpDraft message(String message) {
        this.message = message;
        return this;
    }

    /**
     * The channel the follow-up reaches the customer on ("email" unless named), as an offer's does: campaign
     * channels, consent, caps and the email delivery all go by it.
     */
    public FollowUpDraft channel(String channel) {
        this.channel = channel;
        return this;
    }

    /** Event types that cancel this follow-up when they arrive for the customer before it is due. */
    public FollowUpDraft cancelledBy(String... eventTypes) {
        cancelledBy.addAll(List.of(eventTypes));
        return this;
    }

    /** Attach a percentage offer (and its code) to the follow-up message. */
    public FollowUpDraft withOffer(double percentOff, String code) {
        this.offerPercentOff = percentOff;
        this.offerCode = code;
        return this;
    }

    /** Attach an amount off (and its code) to the follow-up message. */
    public FollowUpDraft withAmountOff(double amountOff, String code) {
        this.offerAmountOff = amountOff;
        this.offerCode = code;
        return this;
    }

    @Override
    public void validate() {
        Campaigns.check(rule, campaign);
        if (channel == null || channel.isBlank()) {
            throw new InvalidDecisionException(rule, "a follow-up's channel must not be empty");
        }
        if (offerPercentOff != null && offerAmountOff != null) {
            throw new InvalidDecisionException(rule, "a follow-up carries either withOffer(..) or withAmountOff(..), not both");
        }
        if (offerAmountOff != null && !(offerAmountOff > 0)) {
            throw new InvalidDecisionException(rule, "withAmountOff amount must be above 0");
        }
        Duration delay = delay();
        if (delay.isNegative()) {
            throw new InvalidDecisionException(rule, "after(..) must not be negative");
        }
        if (offerPercentOff != null && !(offerPercentOff > 0 && offerPercentOff <= 100)) {
            throw new InvalidDecisionException(rule, "withOffer percent must be above 0 and at most 100");
        }
    }

    public Duration delay() {
        if (after == null) {
            throw new InvalidDecisionException(rule, "a follow-up needs after(\"30m\") or similar");
        }
        try {
            return Durations.parse(after);
        } catch (IllegalArgumentException e) {
            throw new InvalidDecisionException(rule, "after: " + e.getMessage());
        }
    }

    @Override
    public String rule() {
        return rule;
    }

    public String campaign() {
        return campaign;
    }

    public String channelValue() {
        return channel;
    }

    public String messageValue() {
        return message;
    }

    public Set<String> cancelledByTypes() {
        return Set.copyOf(cancelledBy);
    }

    public Double offerPercentOff() {
        return offerPercentOff;
    }

    public Double offerAmountOff() {
        return offerAmountOff;
    }

    public String offerCode() {
        return offerCode;
    }
}
