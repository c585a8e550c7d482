package dev.beckon.console.campaign;

/** A chart's horizontal line at {@code y}, its label a little lower so the text's middle sits on the line. */
public record Gridline(double y, String label) {

    public double labelY() {
        return ChartScale.px(y + 4);
    }
}
