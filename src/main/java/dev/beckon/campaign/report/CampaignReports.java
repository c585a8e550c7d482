package dev.beckon.campaign.report;

import dev.beckon.campaign.Campaign;
import dev.beckon.campaign.CampaignSettings;
import dev.beckon.campaign.Campaigns;
import dev.beckon.campaign.report.CampaignReport.Day;
import dev.beckon.campaign.report.CampaignReport.Group;
import dev.beckon.campaign.report.CampaignReport.Suppressed;
import dev.beckon.campaign.report.CampaignReport.UpliftView;
import dev.beckon.campaign.report.ReportStore.Counts;
import dev.beckon.campaign.report.ReportStore.Tally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds a campaign's report: the database counts, this class turns counts into rates and an uplift. */
@ApplicationScoped
public class CampaignReports {

    /** Money per customer is kept to the cent's hundredth, as the database keeps amounts. */
    private static final int MONEY_SCALE = 4;

    @Inject
    Campaigns campaigns;
    @Inject
    ReportStore store;
    @Inject
    Clock clock;

    /** The report of campaign {@code name} over the period the parameters give (see {@link ReportPeriod#parse}). */
    public CampaignReport report(String name, String from, String to) {
        Campaign campaign = campaigns.get(name);
        return report(campaign, ReportPeriod.parse(from, to, clock));
    }

    public CampaignReport report(Campaign campaign, ReportPeriod period) {
        CampaignSettings settings = campaign.settings();
        boolean measured = campaign.goal != null && !campaign.goal.isBlank();
        ReportStore.Measure measure = new ReportStore.Measure(campaign.name, measured ? campaign.goal : null,
                settings.conversionWindowOrDefault(), settings.revenueFieldOrDefault());
        Counts counts;
        try {
            counts = store.count(measure, period, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count campaign " + campaign.name, e);
        }
        Map<String, Tally> tallies = counts.tallies().stream().collect(Collectors.toMap(t -> key(t.outcome(), t.day()), t -> t));
        Tally treatment = onDay(tallies, ReportStore.TREATMENT, null);
        Tally holdout = onDay(tallies, ReportStore.HOLDOUT, null);
        UpliftView uplift = measured ? uplift(treatment, holdout) : null;
        String note = !measured ? "Campaign " + campaign.name + " has no goal: set the event type that counts as a "
                + "conversion (such as order.completed) to measure it. Decisions and deliveries are counted."
                : uplift.enoughData() ? null : uplift.reason();
        long suppressed = counts.suppressed().stream().mapToLong(ReportStore.SuppressedReason::decisions).sum();
        return new CampaignReport(campaign.name, measure.goal(), measured, note,
                settings.conversionWindow() == null ? "P" + CampaignSettings.DEFAULT_CONVERSION_WINDOW.toDays() + "D"
                        : settings.conversionWindow(),
                measure.revenueField(), period.from(), period.to(),
                group(treatment, counts.deliveredByOutcome().get(ReportStore.TREATMENT), measured),
                group(holdout, counts.deliveredByOutcome().get(ReportStore.HOLDOUT), measured),
                uplift, new Suppressed(suppressed, counts.suppressed()), treatment.openWindows() + holdout.openWindows(),
                days(tallies, period, measured));
    }

    private static UpliftView uplift(Tally treatment, Tally holdout) {
        Optional<Uplift> uplift = Uplift.of(proportion(treatment), proportion(holdout));
        if (uplift.isEmpty()) {
            return UpliftView.notEnoughData(treatment.customers() == 0
                    ? "Not enough data: no customer was sent this campaign in the period."
                    : "Not enough data: no customer was held out in the period, so there is nothing to compare with.");
        }
        Uplift u = uplift.get();
        // (treatment − holdout revenue per customer) × treatment customers, that is the treatment's revenue
        // less what its customers would have spent at the holdout's rate: divided last, so nothing is rounded twice.
        BigDecimal expectedAnyway = holdout.revenue().multiply(BigDecimal.valueOf(treatment.customers()))
                .divide(BigDecimal.valueOf(holdout.customers()), MONEY_SCALE, RoundingMode.HALF_UP);
        BigDecimal incrementalRevenue = treatment.revenue().setScale(MONEY_SCALE, RoundingMode.HALF_UP).subtract(expectedAnyway);
        return new UpliftView(true, null, u.difference(), u.interval(), u.relative(), u.significant(), UpliftView.METHOD,
                u.difference() * treatment.customers(), incrementalRevenue);
    }

    private static Group group(Tally tally, Map<String, Long> delivered, boolean measured) {
        Map<String, Long> byChannel = delivered == null ? Map.of() : delivered;
        long deliveries = byChannel.values().stream().mapToLong(Long::longValue).sum();
        if (!measured) {
            return new Group(tally.customers(), tally.decisions(), deliveries, byChannel, null, null, null, null, null, null,
                    tally.discountOffered(), null);
        }
        Proportion converted = proportion(tally);
        return new Group(tally.customers(), tally.decisions(), deliveries, byChannel, tally.convertedCustomers(),
                tally.conversions(), converted.isEmpty() ? null : converted.rate(),
                converted.isEmpty() ? null : converted.wilson(), tally.revenue(),
                tally.customers() == 0 ? null
                        : tally.revenue().divide(BigDecimal.valueOf(tally.customers()), MONEY_SCALE, RoundingMode.HALF_UP),
                tally.discountOffered(), tally.discountSpent());
    }

    /** Every day of the period, those without decisions too, so a chart's days are evenly spaced. */
    private static List<Day> days(Map<String, Tally> tallies, ReportPeriod period, boolean measured) {
        return period.days().stream().map(day -> {
            Tally treatment = onDay(tallies, ReportStore.TREATMENT, day);
            Tally holdout = onDay(tallies, ReportStore.HOLDOUT, day);
            return new Day(day, treatment.decisions(), holdout.decisions(),
                    measured ? treatment.conversions() : null, measured ? holdout.conversions() : null);
        }).toList();
    }

    private static Proportion proportion(Tally tally) {
        return new Proportion(tally.convertedCustomers(), tally.customers());
    }

    /** A group's tally over the whole period ({@code day} null) or one day; all zero when it had no decisions then. */
    private static Tally onDay(Map<String, Tally> tallies, String outcome, LocalDate day) {
        Tally tally = tallies.get(key(outcome, day));
        return tally != null ? tally
                : new Tally(outcome, day, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0);
    }

    private static String key(String outcome, LocalDate day) {
        return outcome + "/" + day;
    }
}
