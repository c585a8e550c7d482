package dev.beckon.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.campaign.Campaign;
import dev.beckon.campaign.CampaignSettings;
import dev.beckon.campaign.CampaignSettings.Budget;
import dev.beckon.campaign.FrequencyCap;
import dev.beckon.campaign.OfferCodePool;
import dev.beckon.consent.ContactPoints;
import dev.beckon.consent.ContactPoints.Consent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what becomes of each marketing decision before any of it is delivered, and records the
 * verdict. The checks run in a fixed order, and the first that applies gives the reason:
 * <ol>
 * <li>the campaign is not live; the customer is outside its audience; it does not use the channel;</li>
 * <li>the customer already entered it (once, once per key, or within the cool-down);</li>
 * <li>the customer opted out of the channel (whenever Beckon learnt of it: an opt-out is always honoured), or had
 * an escalation open when the message was decided (one raised by a later event does not count);</li>
 * <li>a frequency cap, global or the campaign's (transactional campaigns are exempt);</li>
 * <li>the campaign's budget;</li>
 * <li>the control group: held out, not delivered (after the checks above, so both groups face the same ones);</li>
 * <li>the code pool is empty;</li>
 * <li>quiet hours: sent, but held until the customer's window opens.</li>
 * </ol>
 * The caller holds the customers' and budgeted campaigns' locks, so replicas planning at once count the same rows.
 */
@ApplicationScoped
public class DecisionPolicy {

    private static final List<String> SENT_ONLY = List.of(Verdict.SENT);
    private static final List<String> SENT_OR_HELD_OUT = List.of(Verdict.SENT, Verdict.HELD_OUT);

    @Inject
    VerdictLedger ledger;
    @Inject
    OfferCodePool codes;

    /** Judges the message, records the verdict, and writes an assigned offer code into the message. */
    public Verdict apply(Connection connection, MarketingMessage m, PolicyContext context) throws SQLException {
        CampaignSettings settings = context.settingsOf(m.campaign());
        TriggerEvent event = context.events().get(m.eventId());
        String entryKey = entryKey(settings, event);
        ObjectNode terms = m.offerTerms();
        BigDecimal discount = terms == null ? null : discountValue(terms, event);
        Verdict verdict = judge(connection, m, context, settings, entryKey, discount);
        if (verdict.offerCode() != null && terms != null && !verdict.offerCode().equals(terms.path("code").asText(null))) {
            terms.put("code", verdict.offerCode());
            ledger.recordCode(connection, m, verdict.offerCode());
        }
        ledger.record(context, new VerdictLedger.Entry(m, verdict, entryKey, terms != null,
                !settings.isTransactional(), anchor(m, event)));
        return verdict;
    }

    /** Writes the verdicts of the batch not written yet: the caller's last step before its commit. */
    public void flush(Connection connection, PolicyContext context) throws SQLException {
        ledger.flush(connection, context);
    }

    private Verdict judge(Connection connection, MarketingMessage m, PolicyContext context, CampaignSettings settings,
                          String entryKey, BigDecimal discount) throws SQLException {
        // The campaign's state and quiet hours are judged now, as the message goes out; what the customer
        // did and was sent (re-entry, caps, budgets) as of when the message was decided, however late planning is.
        Instant now = context.now();
        Instant decided = m.asOf();
        Campaign campaign = context.campaign(m.campaign());
        String notLive = campaign == null ? null : campaign.notLiveBecause(now);
        if (notLive != null) {
            return Verdict.suppressed(notLive);
        }
        if (settings.audience() != null
                && !context.segments().getOrDefault(m.customerId(), java.util.Set.of()).contains(settings.audience())) {
            return Verdict.suppressed("not in the audience of campaign " + m.campaign() + " (segment "
                    + settings.audience() + ")");
        }
        if (settings.channels() != null && !settings.channels().contains(m.channel())) {
            return Verdict.suppressed("campaign " + m.campaign() + " does not use " + m.channel() + " (its channels: "
                    + String.join(", ", settings.channels()) + ")");
        }
        String entered = entryRefused(connection, context, m, settings, entryKey, decided);
        if (entered != null) {
            return Verdict.suppressed(entered);
        }
        Consent optOut = ContactPoints.optOut(context.consent().getOrDefault(m.customerId(), Map.of()), m.channel());
        if (optOut != null) {
            return Verdict.suppressed("customer opted out of " + optOut.channel() + " (" + optOut.source() + ", "
                    + optOut.updatedAt() + ")");
        }
        String heldBack = context.heldBackBecause(m);
        if (heldBack != null) {
            return Verdict.suppressed(heldBack);
        }
        if (!settings.isTransactional()) {
            String capped = capReached(connection, context, m, context.policy().caps(), null, SENT_ONLY, decided);
            capped = capped != null ? capped : capReached(connection, context, m, settings.capsOrNone(), m.campaign(),
                    SENT_OR_HELD_OUT, decided);
            if (capped != null) {
                return Verdict.suppressed(capped);
            }
        }
        if (discount != null && settings.hasBudget()) {
            String spent = budgetReached(connection, context, m.campaign(), settings.budget(), discount,
                    startOfDay(decided, context.policy().defaultZone()));
            if (spent != null) {
                return Verdict.suppressed(spent);
            }
        }
        if (campaign != null && campaign.holdsOut(m.customerId())) {
            return Verdict.heldOut("held out: the customer is in the control group of campaign " + m.campaign());
        }
        String code = null;
        if (discount != null) {
            switch (settings.codeSource()) {
                case "fixed":
                    code = settings.offerCodes().code();
                    break;
                case "pool":
                    Optional<String> taken = codes.claim(connection, m.campaign(), m.decisionId(), m.customerId(), now);
                    if (taken.isEmpty()) {
                        return Verdict.suppressed("the offer code pool of campaign " + m.campaign() + " is empty");
                    }
                    code = taken.get();
                    break;
                default:
                    break;
            }
        }
        Optional<QuietHours> quiet = settings.respectsQuietHours() ? context.policy().quietHours() : Optional.empty();
        if (quiet.isPresent()) {
            ZoneId zone = context.zoneOf(m.customerId());
            Instant release = quiet.get().releaseAt(now, zone);
            if (release != null) {
                return new Verdict(Verdict.SENT, "held for quiet hours (" + quiet.get() + " " + zone + ") until "
                        + release, release, code, discount);
            }
        }
        return new Verdict(Verdict.SENT, null, null, code, discount);
    }

    private String entryRefused(Connection connection, PolicyContext context, MarketingMessage m, CampaignSettings settings, String entryKey,
                                Instant now) throws SQLException {
        String mode = settings.entryMode();
        if ("always".equals(mode) || ("once-per-key".equals(mode) && entryKey == null)) {
            return null;
        }
        ledger.flush(connection, context);
        Instant last = ledger.lastEntry(connection, m.campaign(), m.customerId(),
                "once-per-key".equals(mode) ? entryKey : null);
        if (last == null) {
            return null;
        }
        switch (mode) {
            case "once":
                return "already entered campaign " + m.campaign() + " at " + last + " (once per customer)";
            case "once-per-key":
                return "already entered campaign " + m.campaign() + " for " + settings.entry().key() + " " + entryKey
                        + " at " + last;
            default:
                Duration cooldown = Duration.parse(settings.entry().cooldown());
                Instant again = last.plus(cooldown);
                return now.isBefore(again) ? "entered campaign " + m.campaign() + " at " + last
                        + "; may enter again from " + again + " (cool-down " + settings.entry().cooldown() + ")" : null;
        }
    }

    private String capReached(Connection connection, PolicyContext context, MarketingMessage m, List<FrequencyCap> caps, String campaign,
                              List<String> outcomes, Instant now) throws SQLException {
        for (FrequencyCap cap : caps) {
            if ((cap.channel() != null && !cap.channel().equals(m.channel()))
                    || (cap.kind() != null && !cap.kind().equals(m.kind()))) {
                continue;
            }
            ledger.flush(connection, context);
            long had = ledger.countForCap(connection, m.customerId(), cap, campaign, outcomes, now);
            if (had >= cap.max()) {
                return "frequency cap: " + cap.describe() + (campaign == null ? "" : " in campaign " + campaign)
                        + " (the customer had " + had + ")";
            }
        }
        return null;
    }

    private String budgetReached(Connection connection, PolicyContext context, String campaign, Budget budget, BigDecimal discount,
                                 Instant startOfDay) throws SQLException {
        ledger.flush(connection, context);
        VerdictLedger.Spend spend = ledger.spend(connection, campaign, startOfDay);
        if (budget.offersPerDay() != null && spend.offersToday() >= budget.offersPerDay()) {
            return "budget of campaign " + campaign + " reached: " + budget.offersPerDay() + " offers per day";
        }
        if (budget.offersTotal() != null && spend.offers() >= budget.offersTotal()) {
            return "budget of campaign " + campaign + " reached: " + budget.offersTotal() + " offers in total";
        }
        if (budget.discountPerDay() != null && spend.discountToday().add(discount).compareTo(budget.discountPerDay()) > 0) {
            return "budget of campaign " + campaign + " reached: discount of " + budget.discountPerDay().toPlainString()
                    + " per day (" + spend.discountToday().toPlainString() + " spent, this offer "
                    + discount.toPlainString() + ")";
        }
        if (budget.discountTotal() != null && spend.discount().add(discount).compareTo(budget.discountTotal()) > 0) {
            return "budget of campaign " + campaign + " reached: discount of " + budget.discountTotal().toPlainString()
                    + " in total (" + spend.discount().toPlainString() + " spent, this offer "
                    + discount.toPlainString() + ")";
        }
        return null;
    }

    /** The re-entry key: the triggering event's field the campaign names, such as a cart id; null when absent. */
    static String entryKey(CampaignSettings settings, TriggerEvent event) {
        if (!"once-per-key".equals(settings.entryMode()) || event == null) {
            return null;
        }
        JsonNode value = event.data();
        for (String part : settings.entry().key().split("\\.")) {
            value = value.path(part);
        }
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    /**
     * What an offer gives away: its amount off, or its percentage of the triggering event's
     * {@code total} (or {@code amount}), such as the cart it was made on; 0 when neither is known.
     */
    static BigDecimal discountValue(ObjectNode terms, TriggerEvent event) {
        if (terms.path("amountOff").isNumber()) {
            return terms.get("amountOff").decimalValue().setScale(4, RoundingMode.HALF_UP);
        }
        if (terms.path("percentOff").isNumber() && event != null) {
            JsonNode base = event.data().path("total").isNumber() ? event.data().path("total") : event.data().path("amount");
            if (base.isNumber()) {
                return base.decimalValue().multiply(terms.get("percentOff").decimalValue())
                        .movePointLeft(2).setScale(4, RoundingMode.HALF_UP);
            }
        }
        return BigDecimal.ZERO.setScale(4);
    }

    /**
     * When the decision was made, the moment its campaign's report measures it from: a follow-up's due
     * time, or the triggering event's. It does not depend on the verdict, so the treatment and the
     * holdout are measured from the same moment; an offer held for quiet hours is not measured from
     * its morning, or orders placed during the wait would count for the holdout only.
     */
    private static Instant anchor(MarketingMessage m, TriggerEvent event) {
        if (m.dueAt() != null) {
            return m.dueAt();
        }
        return event != null ? event.occurredAt() : m.decidedAt();
    }

    private static Instant startOfDay(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }
}
