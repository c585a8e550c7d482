package dev.beckon.console.campaign;

import dev.beckon.campaign.report.CampaignReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A report's numbers written for people: counts with thousands separators, rates in percent,
 * uplift in percentage points (pp), money to the cent. An empty string where there is no number.
 */
public record ReportFigures(String window, Column treatment, Column holdout, UpliftFigures uplift) {

    /** One group's column of the table. */
    public record Column(String customers, String decisions, String deliveries, String deliveriesByChannel,
                         String convertedCustomers, String conversions, String conversionRate, String rateInterval,
                         String revenue, String revenuePerCustomer, String discountOffered, String discountSpent) {
    }

    /** The uplift line; {@code enoughData} false means {@code reason} is all there is to say. */
    public record UpliftFigures(boolean enoughData, String reason, String absolute, String interval, String relative,
                                boolean significant, String incrementalConversions, String incrementalRevenue,
                                String method) {
    }

    public static ReportFigures of(CampaignReport report) {
        return new ReportFigures(window(Duration.parse(report.conversionWindow())), column(report.treatment()),
                column(report.holdout()),
                report.uplift() == null ? null : uplift(report.uplift()));
    }

    private static Column column(CampaignReport.Group g) {
        return new Column(count(g.customers()), count(g.decisions()), count(g.deliveries()), channels(g.deliveriesByChannel()),
                count(g.convertedCustomers()), count(g.conversions()),
                g.conversionRate() == null ? "" : percent(g.conversionRate()),
                g.conversionRateInterval() == null ? "" : percent(g.conversionRateInterval().low()) + " – "
                        + percent(g.conversionRateInterval().high()),
                money(g.revenue()), money(g.revenuePerCustomer()), money(g.discountOffered()), money(g.discountSpent()));
    }

    private static UpliftFigures uplift(CampaignReport.UpliftView u) {
        if (!u.enoughData()) {
            return new UpliftFigures(false, u.reason(), "", "", "", false, "", "", "");
        }
        return new UpliftFigures(true, null, points(u.absolute()),
                points(u.interval().low()) + " to " + points(u.interval().high()),
                u.relative() == null ? "" : String.format(Locale.ROOT, "%+.1f%%", u.relative() * 100), u.significant(),
                String.format(Locale.ROOT, "%+,.0f", u.incrementalConversions()),
                u.incrementalRevenue().signum() > 0 ? "+" + money(u.incrementalRevenue()) : money(u.incrementalRevenue()),
                u.method());
    }

    /** A conversion window as people say it: 7 days, 36 hours, or ISO-8601 when it is neither. */
    static String window(Duration window) {
        if (window.toHours() * 3600 == window.getSeconds() && window.getNano() == 0) {
            long hours = window.toHours();
            return hours % 24 == 0 ? plural(hours / 24, "day") : plural(hours, "hour");
        }
        return window.toString();
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    static String count(Long n) {
        return n == null ? "" : String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** A gridline's rate: as many decimals as its step needs, so 0.5% steps do not all read "1%". */
    static String percent(double rate, double step) {
        return String.format(Locale.ROOT, step < 0.01 ? "%.1f%%" : "%.0f%%", rate * 100);
    }

    /** A difference of rates in percentage points, always signed: +5.0 pp. */
    static String points(double difference) {
        return String.format(Locale.ROOT, "%+.1f pp", difference * 100);
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : String.format(Locale.ROOT, "%,.2f", amount);
    }

    private static String channels(Map<String, Long> byChannel) {
        return byChannel.entrySet().stream().map(e -> e.getKey() + " " + count(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
