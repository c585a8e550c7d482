package dev.beckon.console.campaigns;

import dev.beckon.campaign.Campaign;
import dev.beckon.campaign.CampaignSettings;
import dev.beckon.campaign.Campaigns;
import dev.beckon.campaign.FrequencyCap;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The campaign form, field by field as the browser posts it, and its translation to and from a
 * {@link Campaigns.Draft}: marketers fill in boxes, never JSON. Blank optional fields are left out
 * (no limit); dates are read in UTC, as the console shows them. What the form cannot even read (a
 * word where a number belongs) is refused under the same field names the service uses, so every
 * error lands beside its field.
 */
public record CampaignForm(String name, String goal, String startsAt, String endsAt, String holdoutPercent,
                           List<String> channels, String codeSource, String fixedCode, String offersPerDay,
                           String offersTotal, String discountPerDay, String discountTotal, List<CapRow> caps,
                           String entryMode, String entryKey, String entryCooldown, boolean transactional,
                           boolean quietHours, String conversionWindow, String revenueField, String audience) {

    /** Cap rows the form shows: the campaign's caps, then empty ones to fill. */
    static final int CAP_ROWS = 3;
    /** The channels offered as boxes to tick; others a campaign already has are shown too. */
    static final List<String> KNOWN_CHANNELS = List.of("email", "webhook", "rabbitmq");

    /** One frequency cap row: at most {@code max} per {@code per} (ISO-8601), on a channel, of a kind. */
    public record CapRow(int index, String max, String per, String channel, String kind) {

        /** How errors name this row's parts: settings.caps[1].per. */
        public String key(String part) {
            return "settings.caps[" + index + "]." + part;
        }

        boolean blank() {
            return max.isBlank() && per.isBlank() && channel.isBlank() && kind.isBlank();
        }
    }

    static CampaignForm empty() {
        return new CampaignForm("", "", "", "", "10", List.of(), "rule", "", "", "", "", "", rows(List.of()), "always", "",
                "", false, true, "", "", "");
    }

    static CampaignForm of(Campaign campaign) {
        CampaignSettings s = campaign.settings();
        CampaignSettings.Budget budget = s.budget() == null ? new CampaignSettings.Budget(null, null, null, null) : s.budget();
        List<CapRow> caps = new ArrayList<>();
        for (FrequencyCap cap : s.capsOrNone()) {
            caps.add(new CapRow(caps.size(), text(cap.max()), text(cap.per()), text(cap.channel()), text(cap.kind())));
        }
        return new CampaignForm(campaign.name, text(campaign.goal), local(campaign.startsAt), local(campaign.endsAt),
                campaign.holdoutPercent == null ? "" : campaign.holdoutPercent.stripTrailingZeros().toPlainString(),
                s.channels() == null ? List.of() : s.channels(), s.codeSource(),
                s.offerCodes() == null ? "" : text(s.offerCodes().code()), text(budget.offersPerDay()),
                text(budget.offersTotal()), text(budget.discountPerDay()), text(budget.discountTotal()), rows(caps),
                s.entryMode(), s.entry() == null ? "" : text(s.entry().key()), s.entry() == null ? "" : text(s.entry().cooldown()),
                s.isTransactional(), s.respectsQuietHours(), text(s.conversionWindow()), text(s.revenueField()),
                text(s.audience()));
    }

    static CampaignForm of(MultivaluedMap<String, String> form) {
        List<CapRow> caps = new ArrayList<>();
        for (int i = 0; i < CAP_ROWS; i++) {
            CapRow row = new CapRow(caps.size(), value(form, "cap." + i + ".max"), value(form, "cap." + i + ".per"),
                    value(form, "cap." + i + ".channel"), value(form, "cap." + i + ".kind"));
            if (!row.blank()) {
                caps.add(row);
            }
        }
        List<String> channels = form.get("channels") == null ? List.of()
                : form.get("channels").stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        return new CampaignForm(value(form, "name"), value(form, "goal"), value(form, "startsAt"), value(form, "endsAt"),
                value(form, "holdoutPercent"), channels, value(form, "codeSource"), value(form, "fixedCode"),
                value(form, "offersPerDay"), value(form, "offersTotal"), value(form, "discountPerDay"),
                value(form, "discountTotal"), rows(caps), value(form, "entryMode"), value(form, "entryKey"),
                value(form, "entryCooldown"), "on".equals(value(form, "transactional")),
                "on".equals(value(form, "quietHours")), value(form, "conversionWindow"), value(form, "revenueField"),
                value(form, "audience"));
    }

    /** The campaign this form describes, keeping {@code status}; 400 with the fields the form cannot read. */
    Campaigns.Draft toDraft(String status) {
        List<FieldError> errors = new ArrayList<>();
        Instant starts = instant("startsAt", startsAt, errors);
        Instant ends = instant("endsAt", endsAt, errors);
        BigDecimal holdout = decimal("holdoutPercent", holdoutPercent, errors);
        CampaignSettings.Budget budget = new CampaignSettings.Budget(whole("settings.budget.offersPerDay", offersPerDay, errors),
                whole("settings.budget.offersTotal", offersTotal, errors),
                decimal("settings.budget.discountPerDay", discountPerDay, errors),
                decimal("settings.budget.discountTotal", discountTotal, errors));
        List<FrequencyCap> frequencyCaps = new ArrayList<>();
        for (CapRow row : caps) {
            if (!row.blank()) {
                frequencyCaps.add(new FrequencyCap(whole(row.key("max"), row.max(), errors), blankToNull(row.per()),
                        blankToNull(row.channel()), blankToNull(row.kind())));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Some fields could not be read", errors);
        }
        String source = codeSource.isBlank() ? "rule" : codeSource;
        CampaignSettings.OfferCodes codes = "rule".equals(source) && fixedCode.isBlank() ? null
                : new CampaignSettings.OfferCodes(source, "fixed".equals(source) ? blankToNull(fixedCode) : null);
        String mode = entryMode.isBlank() ? "always" : entryMode;
        CampaignSettings.Entry entry = "always".equals(mode) ? null
                : new CampaignSettings.Entry(mode, blankToNull(entryKey), blankToNull(entryCooldown));
        CampaignSettings settings = new CampaignSettings(channels.isEmpty() ? null : channels, codes,
                budget.limitsAnything() ? budget : null, frequencyCaps.isEmpty() ? null : frequencyCaps, entry,
                transactional ? Boolean.TRUE : null, quietHours ? null : Boolean.FALSE, blankToNull(conversionWindow),
                blankToNull(revenueField), blankToNull(audience));
        return new Campaigns.Draft(name.strip(), blankToNull(goal), starts, ends, status, holdout, settings);
    }

    /** The channels to offer as boxes: the usual ones and any other this campaign uses. */
    public List<String> channelChoices() {
        Set<String> choices = new LinkedHashSet<>(KNOWN_CHANNELS);
        choices.addAll(channels);
        return List.copyOf(choices);
    }

    private static List<CapRow> rows(List<CapRow> filled) {
        List<CapRow> rows = new ArrayList<>(filled);
        while (rows.size() < Math.max(CAP_ROWS, filled.size())) {
            rows.add(new CapRow(rows.size(), "", "", "", ""));
        }
        return rows;
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        return parsed(field, value, v -> LocalDateTime.parse(v).toInstant(ZoneOffset.UTC),
                "must be a date and time in UTC, e.g. 2026-12-01T09:00", errors);
    }

    private static BigDecimal decimal(String field, String value, List<FieldError> errors) {
        return parsed(field, value, BigDecimal::new, "must be a number, e.g. 12.5", errors);
    }

    private static Integer whole(String field, String value, List<FieldError> errors) {
        return parsed(field, value, Integer::valueOf, "must be a whole number", errors);
    }

    /** The value read by {@code parse}; null when blank, or (with an error for the field) when it cannot be read. */
    private static <T> T parsed(String field, String value, Function<String, T> parse, String expected,
                                List<FieldError> errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (DateTimeParseException | NumberFormatException e) {
            errors.add(new FieldError(field, expected));
            return null;
        }
    }

    /** An instant as a datetime-local input shows it: in UTC, to the second (a whole minute shows no seconds). */
    private static String local(Instant instant) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC).toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }
}
