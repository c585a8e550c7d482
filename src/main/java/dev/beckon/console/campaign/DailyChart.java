package dev.beckon.console.campaign;

import dev.beckon.campaign.report.CampaignReport;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * One pair of bars per day of the period, treatment and holdout, of conversions (or of decisions,
 * when the campaign has no goal). Geometry only, drawn as SVG by the template.
 *
 * @param what what the bars count, e.g. "conversions", for the chart's name and the bars' titles
 */
public record DailyChart(String what, int width, int height, int left, int right, int bottom, List<Bar> bars,
                         List<Gridline> gridlines, List<DayLabel> dayLabels) {

    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    static final int LEFT = 48;
    static final int RIGHT_MARGIN = 24;
    static final int TOP = 12;
    static final int BOTTOM_MARGIN = 40;
    /** About this many days are named under the axis; the others stay unlabelled to keep it legible. */
    static final int LABELLED_DAYS = 7;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** A day's bar of one group; {@code title} is what a pointer over it shows. */
    public record Bar(String css, double x, double y, double barWidth, double barHeight, String title) {
    }

    public record DayLabel(double x, String label) {
    }

    /** The chart's name, e.g. "Conversions per day". */
    public String name() {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1) + " per day";
    }

    /** Where the axis labels go: left of the axis, and the days under it. */
    public int labelX() {
        return left - 6;
    }

    public int dayLabelY() {
        return bottom + 16;
    }

    /** Conversions per day and group when measured, else decisions. */
    public static DailyChart of(List<CampaignReport.Day> days, boolean measured) {
        return measured
                ? of(days, "conversions", CampaignReport.Day::treatmentConversions, CampaignReport.Day::holdoutConversions)
                : of(days, "decisions", CampaignReport.Day::treatmentDecisions, CampaignReport.Day::holdoutDecisions);
    }

    static DailyChart of(List<CampaignReport.Day> days, String what, ToLongFunction<CampaignReport.Day> treatment,
                         ToLongFunction<CampaignReport.Day> holdout) {
        long highest = days.stream().mapToLong(d -> Math.max(treatment.applyAsLong(d), holdout.applyAsLong(d))).max().orElse(0);
        ChartScale scale = ChartScale.upTo(highest, 1);
        int bottom = HEIGHT - BOTTOM_MARGIN;
        int right = WIDTH - RIGHT_MARGIN;
        double plotHeight = bottom - TOP;
        double slot = (right - LEFT) / (double) Math.max(1, days.size());
        double barWidth = slot * 0.4;
        int every = Math.max(1, (int) Math.ceil(days.size() / (double) LABELLED_DAYS));
        List<Bar> bars = new ArrayList<>();
        List<DayLabel> labels = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            CampaignReport.Day day = days.get(i);
            double x = LEFT + i * slot + slot * 0.1;
            bars.add(bar("treatment", x, treatment.applyAsLong(day), barWidth, bottom, plotHeight, scale,
                    day.day() + ", treatment: " + treatment.applyAsLong(day) + " " + what));
            bars.add(bar("holdout", x + barWidth, holdout.applyAsLong(day), barWidth, bottom, plotHeight, scale,
                    day.day() + ", holdout: " + holdout.applyAsLong(day) + " " + what));
            if (i % every == 0) {
                labels.add(new DayLabel(ChartScale.px(LEFT + (i + 0.5) * slot), LABEL.format(day.day())));
            }
        }
        List<Gridline> gridlines = scale.ticks().stream()
                .map(t -> new Gridline(ChartScale.px(bottom - plotHeight * scale.fraction(t)), ReportFigures.count(Math.round(t))))
                .toList();
        return new DailyChart(what, WIDTH, HEIGHT, LEFT, right, bottom, bars, gridlines, labels);
    }

    private static Bar bar(String css, double x, long value, double width, int bottom, double plotHeight, ChartScale scale,
                           String title) {
        double height = ChartScale.px(plotHeight * scale.fraction(value));
        return new Bar(css, ChartScale.px(x), ChartScale.px(bottom - height), ChartScale.px(width), height, title);
    }
}
