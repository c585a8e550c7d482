package dev.beckon.console.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.beckon.campaign.report.CampaignReport;
import dev.beckon.campaign.report.CampaignReport.Day;
import dev.beckon.campaign.report.Interval;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's charts and figures, without a browser: where bars stand and how numbers read. */
class ReportChartsTest {

    @Test
    void axesEndOnARoundNumberAboveTheHighestValue() {
        assertThat(ChartScale.upTo(137, 1)).isEqualTo(new ChartScale(150, 50));
        assertThat(ChartScale.upTo(3, 1).ticks()).containsExactly(0.0, 1.0, 2.0, 3.0);
        assertThat(ChartScale.upTo(0, 1).max()).as("an empty chart still has an axis").isEqualTo(1);
        ChartScale rates = ChartScale.upTo(0.0785, 0.001);
        assertThat(rates.max()).isCloseTo(0.08, within(1e-12));
        assertThat(rates.step()).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void rateBarsStandOnTheAxisInProportionWithWhiskersAroundTheirTop() {
        RateChart chart = RateChart.of(group(0.15, 0.13, 0.17), group(0.10, 0.08, 0.125));
        RateChart.Bar treatment = chart.bars().get(0);
        RateChart.Bar holdout = chart.bars().get(1);

        assertThat(treatment.y() + treatment.barHeight()).isCloseTo(chart.bottom(), within(0.11));
        assertThat(treatment.barHeight() / holdout.barHeight()).isCloseTo(1.5, within(0.01));
        assertThat(treatment.whiskerTop()).isLessThan(treatment.y());
        assertThat(treatment.whiskerBottom()).isGreaterThan(treatment.y());
        assertThat(treatment.value()).isEqualTo("15.0%");
        assertThat(chart.gridlines()).extracting(Gridline::label).containsExactly("0%", "5%", "10%", "15%", "20%");
    }

    @Test
    void aGroupWithNoOneInItHasNoBarButSaysSo() {
        CampaignReport.Group empty = new CampaignReport.Group(0, 0, 0, Map.of(), 0L, 0L, null, null, BigDecimal.ZERO, null,
                BigDecimal.ZERO, BigDecimal.ZERO);
        RateChart.Bar holdout = RateChart.of(group(0.2, 0.1, 0.3), empty).bars().get(1);

        assertThat(holdout.empty()).isTrue();
        assertThat(holdout.barHeight()).isZero();
        assertThat(holdout.value()).isEqualTo("no customers");
    }

    @Test
    void theDailyChartHasAPairOfBarsADayAndNamesAboutAWeekOfThem() {
        List<Day> days = LocalDate.parse("2026-03-01").datesUntil(LocalDate.parse("2026-03-31"))
                .map(d -> new Day(d, 10, 2, (long) d.getDayOfMonth(), 1L)).toList();

        DailyChart chart = DailyChart.of(days, true);

        assertThat(chart.name()).isEqualTo("Conversions per day");
        assertThat(chart.bars()).hasSize(60);
        assertThat(chart.bars().get(58).title()).isEqualTo("2026-03-30, treatment: 30 conversions");
        assertThat(chart.bars().get(58).barHeight()).isGreaterThan(chart.bars().get(0).barHeight());
        assertThat(chart.dayLabels()).hasSizeBetween(5, 8).first().extracting(DailyChart.DayLabel::label).isEqualTo("1 Mar");
        assertThat(DailyChart.of(days, false).name()).isEqualTo("Decisions per day");
    }

    @Test
    void windowsReadAsPeopleSayThem() {
        assertThat(ReportFigures.window(Duration.ofDays(7))).isEqualTo("7 days");
        assertThat(ReportFigures.window(Duration.ofDays(1))).isEqualTo("1 day");
        assertThat(ReportFigures.window(Duration.ofHours(36))).isEqualTo("36 hours");
        assertThat(ReportFigures.window(Duration.ofMinutes(90))).isEqualTo("PT1H30M");
        assertThat(ReportFigures.points(0.05)).isEqualTo("+5.0 pp");
        assertThat(ReportFigures.points(-0.0123)).isEqualTo("-1.2 pp");
    }

    private static CampaignReport.Group group(double rate, double low, double high) {
        return new CampaignReport.Group(100, 100, 0, Map.of(), Math.round(rate * 100), Math.round(rate * 100), rate,
                new Interval(low, high), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
