package dev.beckon.rules;

import dev.beckon.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The rules inside a version, with how often each fired, and what changed between two versions. */
@ApplicationScoped
public class RuleOverview {

    /** A rule as the rules list shows it. */
    public record RuleView(String name, int line, boolean enabled, List<String> reactsTo, List<String> decides,
                           RuleFirings.Stats stats) {
    }

    @Inject
    RuleSetService ruleSets;
    @Inject
    RuleFirings firings;
    @Inject
    Clock clock;

    public List<RuleView> rulesOf(int version) {
        RuleSet rules = find(version);
        Map<String, RuleFirings.Stats> stats = firings.stats(clock.instant());
        return RuleCatalog.describe(rules.drl).stream()
                .map(r -> new RuleView(r.name(), r.line(), r.enabled(), r.reactsTo(), r.decides(), firings.statsOf(r.name(), stats)))
                .toList();
    }

    public RuleSetDiff.Result diff(int from, int to) {
        return RuleSetDiff.between(from, find(from).drl, to, find(to).drl);
    }

    private RuleSet find(int version) {
        return ruleSets.find(version).orElseThrow(() -> ProblemException.notFound("No rule set version " + version));
    }
}
