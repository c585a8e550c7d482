package dev.beckon.console.campaign;

import dev.beckon.campaign.report.CampaignReport;
import dev.beckon.campaign.report.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The conversion rate of each group as a bar, with a whisker for its 95% interval: where the two
 * whiskers overlap a lot, the difference may be chance. Geometry only; the template draws it as SVG,
 * so every text in it is escaped like the rest of the page.
 */
public record RateChart(int width, int height, int left, int bottom, List<Bar> bars, List<Gridline> gridlines) {

    /** Where the axis labels go: left of the axis, and the group names and rates under the bars. */
    public int labelX() {
        return left - 6;
    }

    public int groupLabelY() {
        return bottom + 16;
    }

    public int valueLabelY() {
        return bottom + 32;
    }

    static final int WIDTH = 420;
    static final int HEIGHT = 240;
    static final int LEFT = 56;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int BOTTOM_MARGIN = 40;

    /**
     * One group's bar from the axis ({@code y} to {@code bottom}), its whisker from {@code whiskerTop}
     * to {@code whiskerBottom}; {@code empty} when the group had no one in it, so there is no bar.
     */
    public record Bar(String group, String css, double x, double y, double barWidth, double barHeight, double centre,
                      double whiskerTop, double whiskerBottom, String value, String interval, boolean empty) {

        /** The whisker's caps run from here to {@link #capRight}. */
        public double capLeft() {
            return ChartScale.px(centre - 8);
        }

        public double capRight() {
            return ChartScale.px(centre + 8);
        }
    }

    public static RateChart of(CampaignReport.Group treatment, CampaignReport.Group holdout) {
        double highest = 0;
        for (CampaignReport.Group g : List.of(treatment, holdout)) {
            if (g.conversionRateInterval() != null) {
                highest = Math.max(highest, g.conversionRateInterval().high());
            }
        }
        ChartScale scale = ChartScale.upTo(highest, 0.001);
        int bottom = HEIGHT - BOTTOM_MARGIN;
        double plotHeight = bottom - TOP;
        double slot = (WIDTH - LEFT - RIGHT) / 2.0;
        List<Bar> bars = new ArrayList<>();
        bars.add(bar("Treatment", "treatment", treatment, LEFT, slot, bottom, plotHeight, scale));
        bars.add(bar("Holdout", "holdout", holdout, LEFT + slot, slot, bottom, plotHeight, scale));
        List<Gridline> gridlines = scale.ticks().stream()
                .map(t -> new Gridline(ChartScale.px(bottom - plotHeight * scale.fraction(t)),
                        ReportFigures.percent(t, scale.step())))
                .toList();
        return new RateChart(WIDTH, HEIGHT, LEFT, bottom, bars, gridlines);
    }

    private static Bar bar(String group, String css, CampaignReport.Group figures, double slotLeft, double slot, int bottom,
                           double plotHeight, ChartScale scale) {
        double width = ChartScale.px(slot * 0.5);
        double x = ChartScale.px(slotLeft + (slot - width) / 2);
        double centre = ChartScale.px(x + width / 2);
        if (figures.conversionRate() == null) {
            return new Bar(group, css, x, bottom, width, 0, centre, bottom, bottom, "no customers", "", true);
        }
        double height = ChartScale.px(plotHeight * scale.fraction(figures.conversionRate()));
        Interval interval = figures.conversionRateInterval();
        return new Bar(group, css, x, ChartScale.px(bottom - height), width, height, centre,
                ChartScale.px(bottom - plotHeight * scale.fraction(interval.high())),
                ChartScale.px(bottom - plotHeight * scale.fraction(interval.low())),
                ReportFigures.percent(figures.conversionRate()),
                String.format(Locale.ROOT, "95%% interval %s to %s", ReportFigures.percent(interval.low()),
                        ReportFigures.percent(interval.high())),
                false);
    }
}
