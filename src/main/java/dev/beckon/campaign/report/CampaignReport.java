package dev.beckon.campaign.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How a campaign did over a period: its treatment group (decisions sent) against its holdout
 * (decisions held back), and what the difference says. Parts about conversions are left out when
 * the campaign has no goal to convert to ({@code measured} false).
 *
 * @param measured whether the campaign has a goal, so conversions are counted
 * @param note why the report cannot say more, for people: no goal, or no uplift yet
 * @param conversionWindow how long after a decision its goal event counts (ISO-8601)
 * @param openWindows decisions whose window is still open: their conversions may still come
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignReport(String campaign, String goal, boolean measured, String note, String conversionWindow,
                             String revenueField, Instant from, Instant to, Group treatment, Group holdout,
                             UpliftView uplift, Suppressed suppressed, long openWindows, List<Day> days) {

    /**
     * One group over the period. Customers are counted once however many decisions they had; a
     * customer converted when at least one goal event was attributed to one of their decisions.
     *
     * @param deliveries deliveries delivered (a decision may be delivered on several channels)
     * @param conversionRate converted customers / customers; null for a group with no one in it
     * @param conversionRateInterval the rate's Wilson 95% interval
     * @param revenuePerCustomer revenue / customers, converted or not, so the groups compare
     * @param discountOffered the estimated discount of every offer sent
     * @param discountSpent the estimated discount of the offers sent that were followed by a conversion
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(long customers, long decisions, long deliveries, Map<String, Long> deliveriesByChannel,
                        Long convertedCustomers, Long conversions, Double conversionRate, Interval conversionRateInterval,
                        BigDecimal revenue, BigDecimal revenuePerCustomer, BigDecimal discountOffered,
                        BigDecimal discountSpent) {
    }

    /**
     * The difference the campaign made, or why it cannot be told yet ({@code enoughData} false, {@code reason}).
     *
     * @param absolute treatment rate − holdout rate (0.05 is five percentage points)
     * @param relative the absolute uplift as a share of the holdout's rate
     * @param incrementalConversions converted customers the campaign added: absolute × treatment customers
     * @param incrementalRevenue revenue it added: (treatment − holdout revenue per customer) × treatment customers
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UpliftView(boolean enoughData, String reason, Double absolute, Interval interval, Double relative,
                             Boolean significant, String method, Double incrementalConversions,
                             BigDecimal incrementalRevenue) {

        static final String METHOD = "Newcombe hybrid score interval (Wilson), 95%";

        static UpliftView notEnoughData(String reason) {
            return new UpliftView(false, reason, null, null, null, null, null, null, null);
        }
    }

    /** Decisions that reached no one and were not held out either, so belong to neither group. */
    public record Suppressed(long decisions, List<ReportStore.SuppressedReason> byReason) {
    }

    /**
     * One UTC day of the period: the decisions anchored on it and the conversions attributed to
     * them (counted on the decision's day, so a day's conversions may have come a few days later).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Day(LocalDate day, long treatmentDecisions, long holdoutDecisions, Long treatmentConversions,
                      Long holdoutConversions) {
    }
}
