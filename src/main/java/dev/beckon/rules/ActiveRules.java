package dev.beckon.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set version events are evaluated against now. Swapped atomically on publish: a batch
 * takes the current version once and keeps it to its end, so one batch never mixes versions.
 */
@ApplicationScoped
public class ActiveRules {

    private final AtomicReference<CompiledRuleSet> current = new AtomicReference<>();

    public Optional<CompiledRuleSet> current() {
        return Optional.ofNullable(current.get());
    }

    public Optional<RuleEvaluator> newEvaluator() {
        return current().map(RuleEvaluator::new);
    }

    public int version() {
        CompiledRuleSet rules = current.get();
        return rules == null ? 0 : rules.version();
    }

    void activate(CompiledRuleSet rules) {
        current.set(rules);
    }
}
