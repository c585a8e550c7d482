package dev.beckon.rules;

import java.util.List;
import org.kie.api.KieBase;

/** An immutable, ready-to-run rule set version. Sessions made from it are cheap; the KieBase is shared. */
public record CompiledRuleSet(int version, KieBase kieBase, List<String> ruleNames) {
}
