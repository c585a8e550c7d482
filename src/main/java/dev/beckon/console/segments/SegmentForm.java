package dev.beckon.console.segments;

import dev.beckon.console.ConsoleProblem;
import dev.beckon.segment.SegmentDefinition.Condition;
import dev.beckon.segment.SegmentDefinition.DataCondition;
import dev.beckon.segment.Segments;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The segment form as the page shows it: a name, a description and rows of conditions, each row
 * either a profile field compared with a number, or a count of events of a type in the last days.
 * Rows left blank are ignored, so the page can always offer a few empty ones.
 */
public record SegmentForm(String name, String description, List<Row> rows, ConsoleProblem problem) {

    /** What a row's first choice holds when it counts events rather than comparing a profile field. */
    public static final String EVENTS = "events";
    static final int BLANK_ROWS = 3;

    /**
     * One condition as typed: {@code what} is a profile field or {@link #EVENTS}; an events row may
     * count only events whose data field {@code whereField} compares with {@code whereNumber}.
     */
    public record Row(String what, String eventType, String op, String number, String days, String whereField,
                      String whereOp, String whereNumber) {
        boolean isBlank() {
            return what == null || what.isBlank();
        }

        boolean countsEvents() {
            return EVENTS.equals(what);
        }
    }

    public static SegmentForm empty() {
        return new SegmentForm("", "", withBlankRows(List.of()), null);
    }

    /** A stored segment's conditions as rows. */
    public static SegmentForm of(String name, String description, List<Condition> conditions) {
        List<Row> rows = conditions.stream().map(c -> c.countsEvents()
                ? new Row(EVENTS, c.event(), c.op(), String.valueOf(c.count()), String.valueOf(c.withinDays()),
                        c.where() == null ? "" : c.where().field(), c.where() == null ? ">=" : c.where().op(),
                        c.where() == null || c.where().value() == null ? "" : c.where().value().toPlainString())
                : new Row(c.profile(), "", c.op(), c.value().toPlainString(), "", "", ">=", "")).toList();
        return new SegmentForm(name, description == null ? "" : description, withBlankRows(rows), null);
    }

    /** The form as posted; each row's values are the n-th of their field. */
    public static SegmentForm posted(MultivaluedMap<String, String> form) {
        List<String> what = list(form, "what");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < what.size(); i++) {
            Row row = new Row(what.get(i), at(form, "eventType", i), at(form, "op", i), at(form, "number", i),
                    at(form, "days", i), at(form, "whereField", i), at(form, "whereOp", i), at(form, "whereNumber", i));
            if (!row.isBlank()) {
                rows.add(row);
            }
        }
        return new SegmentForm(strip(form.getFirst("name")), strip(form.getFirst("description")), rows, null);
    }

    public SegmentForm refused(ConsoleProblem why) {
        return new SegmentForm(name, description, withBlankRows(rows), why);
    }

    /**
     * The draft the service checks. A number that does not parse is left out, so the service
     * names the field as missing, in the same words as for the API.
     */
    public Segments.Draft draft() {
        List<Condition> conditions = rows.stream().map(row -> row.countsEvents()
                ? new Condition(null, row.eventType(), row.op(), null, whole(row.number()), wholeInt(row.days()),
                        row.whereField().isBlank() ? null
                                : new DataCondition(row.whereField(), row.whereOp(), decimal(row.whereNumber())))
                : new Condition(row.what(), null, row.op(), decimal(row.number()), null, null, null)).toList();
        return new Segments.Draft(name, description, conditions);
    }

    private static List<Row> withBlankRows(List<Row> rows) {
        List<Row> all = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            all.add(new Row("", "", ">=", "", "", "", ">=", ""));
        }
        return all;
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long whole(String text) {
        BigDecimal number = decimal(text);
        return number == null || number.stripTrailingZeros().scale() > 0 ? null : number.longValue();
    }

    private static Integer wholeInt(String text) {
        Long number = whole(text);
        return number == null || Math.abs(number) > Integer.MAX_VALUE ? null : number.intValue();
    }

    private static List<String> list(MultivaluedMap<String, String> form, String field) {
        List<String> values = form.get(field);
        return values == null ? List.of() : values;
    }

    private static String at(MultivaluedMap<String, String> form, String field, int i) {
        List<String> values = list(form, field);
        return i < values.size() ? strip(values.get(i)) : "";
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
