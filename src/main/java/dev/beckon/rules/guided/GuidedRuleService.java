package dev.beckon.rules.guided;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.rules.ActiveRules;
import dev.beckon.rules.RuleCatalog;
import dev.beckon.rules.RuleSet;
import dev.beckon.rules.RuleSetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves guided rules: each save makes a new draft from a base version, with the rule's generated
 * DRL put in (or taken out of) the text and its definition kept beside it.
 */
@ApplicationScoped
public class GuidedRuleService {

    @Inject
    RuleSetService ruleSets;
    @Inject
    ActiveRules active;
    @Inject
    ObjectMapper json;

    /** The DRL a guided rule generates, for showing to its author; refused with field errors when incomplete. */
    public String preview(GuidedRule rule) {
        check(rule);
        return DrlGenerator.drl(rule);
    }

    /** The guided rules of a version, as their authors defined them. */
    public List<GuidedRule> rulesOf(int version) {
        return read(base(version).guided);
    }

    /** A new draft: {@code base} (default: the live version) with this guided rule added or replaced. */
    public RuleSet save(Integer baseVersion, GuidedRule rule, String author) {
        check(rule);
        RuleSet base = base(baseVersion == null ? active.version() : baseVersion);
        List<GuidedRule> guided = new ArrayList<>(read(base.guided));
        guided.removeIf(g -> g.name().equals(rule.name()));
        if (guided.size() == read(base.guided).size() && defines(base.drl, rule.name())) {
            throw new ProblemException(409, "Name taken", "Version " + base.version + " already has a hand-written rule named \""
                    + rule.name() + "\"", List.of(new FieldError("name", "is used by a hand-written rule")));
        }
        guided.add(rule);
        String drl = GuidedBlocks.put(base.drl, rule.name(), DrlGenerator.drl(rule));
        return ruleSets.createDraftWithGuided(drl, "Guided rule \"" + rule.name() + "\" saved", author, json.valueToTree(guided));
    }

    /** A new draft: {@code base} without this guided rule. */
    public RuleSet remove(int baseVersion, String name, String author) {
        RuleSet base = base(baseVersion);
        List<GuidedRule> guided = new ArrayList<>(read(base.guided));
        if (!guided.removeIf(g -> g.name().equals(name))) {
            throw ProblemException.notFound("Version " + baseVersion + " has no guided rule \"" + name + "\"");
        }
        return ruleSets.createDraftWithGuided(GuidedBlocks.remove(base.drl, name), "Guided rule \"" + name + "\" removed", author,
                json.valueToTree(guided));
    }

    private static boolean defines(String drl, String name) {
        return RuleCatalog.describe(drl).stream().anyMatch(existing -> existing.name().equals(name));
    }

    private void check(GuidedRule rule) {
        List<FieldError> errors = GuidedRuleCheck.errors(rule);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The guided rule is not complete", errors);
        }
    }

    private RuleSet base(int version) {
        return ruleSets.find(version).orElseThrow(() -> ProblemException.notFound("No rule set version " + version));
    }

    private List<GuidedRule> read(JsonNode guided) {
        return GuidedRules.read(json, guided);
    }
}
