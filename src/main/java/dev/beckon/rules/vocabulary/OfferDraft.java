package dev.beckon.rules.vocabulary;

import java.time.Duration;

/** An offer to the customer: a percentage or an amount off, with an optional code, channel and expiry. */
public final class OfferDraft implements Draft {

    private final String rule;
    private final String campaign;
    private Double percentOff;
    private Double amountOff;
    private String code;
    private String channel = "email";
    private String message;
    private String validFor = "7d";

    OfferDraft(String rule, String campaign) {
        this.rule = rule;
        this.campaign = campaign;
    }

    public OfferDraft percentOff(double percent) {
        this.percentOff = percent;
        return this;
    }

    public OfferDraft amountOff(double amount) {
        this.amountOff = amount;
        return this;
    }

    public OfferDraft code(String code) {
        this.code = code;
        return this;
    }

    public OfferDraft channel(String channel) {
        this.channel = channel;
        return this;
    }

    public OfferDraft message(String message) {
        this.message = message;
        return this;
    }

    /** How long the offer can be redeemed, from the moment it is decided (default 7 days). */
    public OfferDraft validFor(String duration) {
        this.validFor = duration;
        return this;
    }

    @Override
    public void validate() {
        Campaigns.check(rule, campaign);
        if ((percentOff == null) == (amountOff == null)) {
            throw new InvalidDecisionException(rule, "an offer needs exactly one of percentOff(..) or amountOff(..)");
        }
        if (percentOff != null && !(percentOff > 0 && percentOff <= 100)) {
            throw new InvalidDecisionException(rule, "percentOff must be above 0 and at most 100, was " + percentOff);
        }
        if (amountOff != null && !(amountOff > 0)) {
            throw new InvalidDecisionException(rule, "amountOff must be above 0, was " + amountOff);
        }
        if (channel == null || channel.isBlank()) {
            throw new InvalidDecisionException(rule, "an offer needs a channel");
        }
        if (validity().isNegative() || validity().isZero()) {
            throw new InvalidDecisionException(rule, "validFor must be longer than zero, was " + validFor);
        }
    }

    public Duration validity() {
        try {
            return Durations.parse(validFor);
        } catch (IllegalArgumentException e) {
            throw new InvalidDecisionException(rule, "validFor: " + e.getMessage());
        }
    }

    @Override
    public String rule() {
        return rule;
    }

    public String campaign() {
        return campaign;
    }

    public Double percentOffValue() {
        return percentOff;
    }

    public Double amountOffValue() {
        return amountOff;
    }

    public String codeValue() {
        return code;
    }

    public String channelValue() {
        return channel;
    }

    public String messageValue() {
        return message;
    }
}
