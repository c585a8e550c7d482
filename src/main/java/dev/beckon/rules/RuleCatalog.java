package dev.beckon.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * Reads a rule set's text into its rules, for people: each rule's name, the event types it reacts
 * to, what it decides, whether it is enabled, and its own text. Read with Drools' own parser, so
 * it sees the rules exactly as the compiler does.
 */
public final class RuleCatalog {

    /** One rule as the console lists it. */
    public record Entry(String name, int line, boolean enabled, List<String> reactsTo, List<String> decides, String text) {
    }

    private static final Pattern TYPE_EQUALS = Pattern.compile("\\btype\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern TYPE_IN = Pattern.compile("\\btype\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern DECISION = Pattern.compile("decide\\s*\\.\\s*(offer|followUp|escalate)\\s*\\(\\s*\"([^\"]*)\"");

    private RuleCatalog() {
    }

    /** The rules of a text that parses (text that does not yields no entries: check it first). */
    public static List<Entry> describe(String drl) {
        PackageDescr parsed;
        try {
            parsed = new DrlParser(LanguageLevelOption.DRL6).parse(false, drl);
        } catch (DroolsParserException e) {
            return List.of();
        }
        if (parsed == null) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (RuleDescr rule : parsed.getRules()) {
            Set<String> reactsTo = new LinkedHashSet<>();
            eventTypes(rule.getLhs(), reactsTo);
            String consequence = String.valueOf(rule.getConsequence());
            entries.add(new Entry(rule.getName(), rule.getLine(), enabled(rule), List.copyOf(reactsTo),
                    decisions(consequence), text(drl, rule)));
        }
        return entries;
    }

    private static boolean enabled(RuleDescr rule) {
        AttributeDescr enabled = rule.getAttributes().get("enabled");
        return enabled == null || !"false".equalsIgnoreCase(enabled.getValue().trim());
    }

    /** Event types from the rule's positive Event patterns; "any event" when one names no type. */
    private static void eventTypes(BaseDescr descr, Set<String> types) {
        if (descr instanceof PatternDescr pattern) {
            if ("Event".equals(pattern.getObjectType())) {
                int before = types.size();
                for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
                    String expression = constraint.getText() != null ? constraint.getText() : String.valueOf(constraint);
                    Matcher equals = TYPE_EQUALS.matcher(expression);
                    while (equals.find()) {
                        types.add(equals.group(1));
                    }
                    Matcher in = TYPE_IN.matcher(expression);
                    while (in.find()) {
                        Matcher quoted = QUOTED.matcher(in.group(1));
                        while (quoted.find()) {
                            types.add(quoted.group(1));
                        }
                    }
                }
                if (types.size() == before) {
                    types.add("any event");
                }
            }
        } else if (descr instanceof AndDescr and) {
            and.getDescrs().forEach(d -> eventTypes(d, types));
        } else if (descr instanceof OrDescr or) {
            or.getDescrs().forEach(d -> eventTypes(d, types));
        }
        // not / exists / forall say what must be absent or present, not what the rule reacts to.
    }

    private static List<String> decisions(String consequence) {
        Set<String> decisions = new LinkedHashSet<>();
        Matcher m = DECISION.matcher(consequence);
        while (m.find()) {
            String kind = switch (m.group(1)) {
                case "offer" -> "offer";
                case "followUp" -> "follow-up";
                default -> "escalation";
            };
            decisions.add(kind + " " + (m.group(1).equals("escalate") ? "\"" + m.group(2) + "\"" : m.group(2)));
        }
        return List.copyOf(decisions);
    }

    private static String text(String drl, RuleDescr rule) {
        int start = Math.max(0, rule.getStartCharacter());
        int end = rule.getEndCharacter() <= 0 ? drl.length() : Math.min(drl.length(), rule.getEndCharacter() + 1);
        return start < end ? drl.substring(start, end).strip() : "";
    }
}
