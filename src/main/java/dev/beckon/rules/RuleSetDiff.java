package dev.beckon.rules;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What changed between two rule set versions: the text as a unified diff, and rule by rule. */
public final class RuleSetDiff {

    /** One rule's change: added, removed, changed, or unchanged. */
    public record RuleChange(String name, String change) {
    }

    public record Result(int from, int to, String unifiedDiff, List<RuleChange> rules) {
    }

    private RuleSetDiff() {
    }

    public static Result between(int fromVersion, String fromText, int toVersion, String toText) {
        List<String> before = fromText.lines().toList();
        List<String> after = toText.lines().toList();
        Patch<String> patch = DiffUtils.diff(before, after);
        String unified = String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(
                "version " + fromVersion, "version " + toVersion, before, patch, 3));

        Map<String, String> old = texts(fromText);
        Map<String, String> now = texts(toText);
        List<RuleChange> changes = new ArrayList<>();
        for (Map.Entry<String, String> rule : now.entrySet()) {
            String was = old.get(rule.getKey());
            changes.add(new RuleChange(rule.getKey(), was == null ? "added"
                    : Objects.equals(normalise(was), normalise(rule.getValue())) ? "unchanged" : "changed"));
        }
        old.keySet().stream().filter(name -> !now.containsKey(name))
                .forEach(name -> changes.add(new RuleChange(name, "removed")));
        return new Result(fromVersion, toVersion, unified, changes);
    }

    private static Map<String, String> texts(String drl) {
        Map<String, String> texts = new LinkedHashMap<>();
        RuleCatalog.describe(drl).forEach(rule -> texts.put(rule.name(), rule.text()));
        return texts;
    }

    /** Indentation and blank lines are layout, not a change to the rule. */
    private static String normalise(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).reduce("", (a, b) -> a + "\n" + b);
    }
}
