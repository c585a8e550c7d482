package dev.beckon.console.rules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.rules.backtest.Backtest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** A backtest as its page shows it: progress, and when done the two versions side by side. */
public record BacktestView(long id, int draftVersion, int baselineVersion, Instant from, Instant to, String status,
                           long total, long processed, int percent, String error, String createdBy, Instant createdAt,
                           Instant finishedAt, Comparison comparison) {

    /** One version's summary as {@code BacktestService} stores it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(int version, long events, long failedEvents, Map<String, Long> decisions,
                          Map<String, RuleCount> rules, long offers, BigDecimal discountValue,
                          Map<String, Long> escalationsPerDay) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RuleCount(long fired, long decided) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Difference(String customerId, List<String> draft, List<String> baseline) {
    }

    /** The stored result; the period and other fields the page takes from the backtest itself are left out. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(long events, double seconds, Summary draft, Summary baseline, long differingCustomers,
                         List<Difference> sample) {
    }

    /** One line of a side-by-side table: the draft's figure and the baseline's. */
    public record Row(String name, String draft, String baseline, boolean differs) {
    }

    /** The result laid out for the page. */
    public record Comparison(Result result, List<Row> totals, List<Row> decisions, List<Row> escalationsPerDay,
                             List<Row> rules) {
    }

    public boolean running() {
        return Backtest.RUNNING.equals(status);
    }

    static BacktestView of(Backtest b, ObjectMapper json) {
        int percent = b.total <= 0 ? (Backtest.RUNNING.equals(b.status) ? 0 : 100) : (int) Math.min(100, 100 * b.processed / b.total);
        return new BacktestView(b.id, b.draftVersion, b.baselineVersion, b.periodFrom, b.periodTo, b.status, b.total,
                b.processed, percent, b.error, b.createdBy, b.createdAt, b.finishedAt,
                b.result == null ? null : compare(read(b.result, json)));
    }

    private static Result read(JsonNode result, ObjectMapper json) {
        try {
            return json.treeToValue(result, Result.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored backtest result does not read back", e);
        }
    }

    private static Comparison compare(Result r) {
        Summary d = r.draft();
        Summary b = r.baseline();
        List<Row> totals = List.of(
                row("Events replayed", d.events(), b.events()),
                row("Events a rule failed on", d.failedEvents(), b.failedEvents()),
                row("Offers (incl. fired follow-ups with an offer)", d.offers(), b.offers()),
                new Row("Estimated discount value", plain(d.discountValue()), plain(b.discountValue()),
                        d.discountValue().compareTo(b.discountValue()) != 0));
        return new Comparison(r, totals, side(d.decisions(), b.decisions()),
                side(d.escalationsPerDay(), b.escalationsPerDay()), rules(d.rules(), b.rules()));
    }

    private static List<Row> side(Map<String, Long> draft, Map<String, Long> baseline) {
        TreeSet<String> keys = new TreeSet<>(draft.keySet());
        keys.addAll(baseline.keySet());
        return keys.stream().map(k -> row(k, draft.getOrDefault(k, 0L), baseline.getOrDefault(k, 0L))).toList();
    }

    private static List<Row> rules(Map<String, RuleCount> draft, Map<String, RuleCount> baseline) {
        TreeSet<String> names = new TreeSet<>(draft.keySet());
        names.addAll(baseline.keySet());
        RuleCount none = new RuleCount(0, 0);
        return names.stream().map(n -> {
            RuleCount a = draft.getOrDefault(n, none);
            RuleCount c = baseline.getOrDefault(n, none);
            return new Row(n, a.fired() + " fired, " + a.decided() + " decided", c.fired() + " fired, " + c.decided() + " decided",
                    !Objects.equals(a, c));
        }).toList();
    }

    private static Row row(String name, long draft, long baseline) {
        return new Row(name, String.valueOf(draft), String.valueOf(baseline), draft != baseline);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "0" : value.toPlainString();
    }
}
