package dev.beckon.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.consent.ContactPoints;
import dev.beckon.platform.FieldError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a campaign treats its customers and its budget. Every part is optional; left out, it does
 * not limit anything (any channel, codes as the rules wrote them, no budget, no campaign caps, a
 * customer may enter again and again) except quiet hours, which are respected unless turned off, and
 * the conversion window, 7 days.
 *
 * @param channels the customer channels the campaign may use (an offer on another is suppressed)
 * @param offerCodes where offer codes come from
 * @param budget limits on offers and their discount value
 * @param caps frequency caps on this campaign's messages, on top of the global ones
 * @param entry whether a customer may enter the campaign more than once
 * @param transactional messages customers expect (a receipt, a reminder they asked for): exempt from caps
 * @param quietHours whether the messaging policy's quiet hours apply (true when left out)
 * @param conversionWindow how long after a decision a goal event counts as its conversion (ISO-8601)
 * @param revenueField the goal event's field holding its value, for revenue per customer
 * @param audience a segment: only its members are reached
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignSettings(List<String> channels, OfferCodes offerCodes, Budget budget, List<FrequencyCap> caps,
                               Entry entry, Boolean transactional, Boolean quietHours, String conversionWindow,
                               String revenueField, String audience) {

    static final Pattern FIELD = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,63}(\\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,4}$");
    public static final Duration DEFAULT_CONVERSION_WINDOW = Duration.ofDays(7);
    public static final String DEFAULT_REVENUE_FIELD = "total";
    /** Settings are plain data: a mapper of their own keeps the entity free of injection. */
    private static final ObjectMapper json = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    public static final CampaignSettings NONE = new CampaignSettings(null, null, null, null, null, null, null, null,
            null, null);

    /** Where an offer's code comes from: {@code rule} (as written), {@code fixed} ({@code code}), or a {@code pool}. */
    public record OfferCodes(String source, String code) {
        static final Set<String> SOURCES = Set.of("rule", "fixed", "pool");
    }

    /** Limits on a campaign's offers, per day (in the policy's time zone) and in total. */
    public record Budget(Integer offersPerDay, Integer offersTotal, BigDecimal discountPerDay, BigDecimal discountTotal) {
        public boolean limitsAnything() {
            return offersPerDay != null || offersTotal != null || discountPerDay != null || discountTotal != null;
        }
    }

    /**
     * Re-entry: {@code always}, {@code once} per customer, {@code once-per-key} (the triggering event's
     * field {@code key}, such as a cart id), or again only after a {@code cooldown}.
     */
    public record Entry(String mode, String key, String cooldown) {
        static final Set<String> MODES = Set.of("always", "once", "once-per-key", "cooldown");
    }

    public String codeSource() {
        return offerCodes == null || offerCodes.source() == null ? "rule" : offerCodes.source();
    }

    public List<FrequencyCap> capsOrNone() {
        return caps == null ? List.of() : caps;
    }

    public String entryMode() {
        return entry == null || entry.mode() == null ? "always" : entry.mode();
    }

    public boolean isTransactional() {
        return Boolean.TRUE.equals(transactional);
    }

    public boolean respectsQuietHours() {
        return !Boolean.FALSE.equals(quietHours);
    }

    public Duration conversionWindowOrDefault() {
        return conversionWindow == null ? DEFAULT_CONVERSION_WINDOW : Duration.parse(conversionWindow);
    }

    public String revenueFieldOrDefault() {
        return revenueField == null ? DEFAULT_REVENUE_FIELD : revenueField;
    }

    public boolean hasBudget() {
        return budget != null && budget.limitsAnything();
    }

    /** Every problem with these settings, each naming its field under {@code settings}. */
    public List<FieldError> problems(List<FieldError> errors) {
        if (channels != null) {
            for (int i = 0; i < channels.size(); i++) {
                if (channels.get(i) == null || !ContactPoints.CHANNEL.matcher(channels.get(i)).matches()) {
                    errors.add(new FieldError("settings.channels[" + i + "]", "must be a channel name such as email or sms"));
                }
            }
        }
        if (offerCodes != null) {
            if (offerCodes.source() != null && !OfferCodes.SOURCES.contains(offerCodes.source())) {
                errors.add(new FieldError("settings.offerCodes.source", "must be one of " + OfferCodes.SOURCES));
            }
            if ("fixed".equals(offerCodes.source()) && (offerCodes.code() == null || offerCodes.code().isBlank()
                    || offerCodes.code().length() > 64)) {
                errors.add(new FieldError("settings.offerCodes.code", "is required for fixed codes, at most 64 characters"));
            }
        }
        if (budget != null) {
            positive("settings.budget.offersPerDay", budget.offersPerDay(), errors);
            positive("settings.budget.offersTotal", budget.offersTotal(), errors);
            positive("settings.budget.discountPerDay", budget.discountPerDay(), errors);
            positive("settings.budget.discountTotal", budget.discountTotal(), errors);
        }
        FrequencyCap.validateAll("settings.caps", caps, errors);
        if (entry != null) {
            String mode = entryMode();
            if (!Entry.MODES.contains(mode)) {
                errors.add(new FieldError("settings.entry.mode", "must be one of " + Entry.MODES));
            }
            if ("once-per-key".equals(mode) && (entry.key() == null || !FIELD.matcher(entry.key()).matches())) {
                errors.add(new FieldError("settings.entry.key", "must name the event's field, such as cartId"));
            }
            if ("cooldown".equals(mode) && !isDuration(entry.cooldown())) {
                errors.add(new FieldError("settings.entry.cooldown", "must be an ISO-8601 duration such as P14D"));
            }
        }
        if (conversionWindow != null && (!isDuration(conversionWindow) || Duration.parse(conversionWindow).isZero()
                || Duration.parse(conversionWindow).isNegative())) {
            errors.add(new FieldError("settings.conversionWindow", "must be a positive ISO-8601 duration such as P7D"));
        }
        if (revenueField != null && !FIELD.matcher(revenueField).matches()) {
            errors.add(new FieldError("settings.revenueField", "must name the goal event's field, such as total"));
        }
        if (audience != null && !CampaignNames.isValid(audience)) {
            errors.add(new FieldError("settings.audience", "must be a segment name, " + CampaignNames.RULE));
        }
        return errors;
    }

    private static void positive(String field, Number value, List<FieldError> errors) {
        if (value != null && new BigDecimal(value.toString()).signum() <= 0) {
            errors.add(new FieldError(field, "must be more than 0, or left out for no limit"));
        }
    }

    private static boolean isDuration(String text) {
        if (text == null) {
            return false;
        }
        try {
            Duration.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    public String toJson() {
        try {
            return json.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CampaignSettings fromJson(String text) {
        try {
            return text == null || text.isBlank() ? NONE : json.readValue(text, CampaignSettings.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
