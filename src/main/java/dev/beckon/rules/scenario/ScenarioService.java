package dev.beckon.rules.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.audit.AuditLog;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.rules.CompiledRuleSet;
import dev.beckon.rules.CompiledVersions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Stores scenario tests and runs them against a rule set version. */
@ApplicationScoped
public class ScenarioService {

    /** A stored scenario with its id. */
    public record Stored(long id, Scenario scenario) {
    }

    @Inject
    ScenarioRunner runner;
    @Inject
    CompiledVersions versions;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    public List<Stored> list() {
        return QuarkusTransaction.requiringNew().call(() -> RuleScenario.<RuleScenario>listAll(Sort.by("name"))
                .stream().map(this::stored).toList());
    }

    public Stored get(long id) {
        return QuarkusTransaction.requiringNew().call(() -> stored(find(id)));
    }

    public Stored create(Scenario scenario) {
        check(scenario);
        return QuarkusTransaction.requiringNew().call(() -> {
            refuseDuplicateName(scenario.name(), null);
            RuleScenario entity = new RuleScenario();
            entity.createdBy = audit.actor();
            entity.createdAt = clock.instant();
            write(entity, scenario);
            entity.persist();
            audit.record("scenario.created", "scenario:" + entity.id, Map.of("name", scenario.name()));
            return stored(entity);
        });
    }

    public Stored update(long id, Scenario scenario) {
        check(scenario);
        return QuarkusTransaction.requiringNew().call(() -> {
            RuleScenario entity = find(id);
            refuseDuplicateName(scenario.name(), id);
            write(entity, scenario);
            audit.record("scenario.updated", "scenario:" + id, Map.of("name", scenario.name()));
            return stored(entity);
        });
    }

    public void delete(long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            RuleScenario entity = find(id);
            entity.delete();
            audit.record("scenario.deleted", "scenario:" + id, Map.of("name", entity.name));
        });
    }

    /** Every stored scenario run against {@code version}. */
    public List<ScenarioResult> runAll(int version) {
        CompiledRuleSet rules = versions.get(version);
        return list().stream().map(s -> runner.run(rules, s.scenario())).toList();
    }

    /** One scenario, stored or not, run against {@code version}. */
    public ScenarioResult run(int version, Scenario scenario) {
        check(scenario);
        return runner.run(versions.get(version), scenario);
    }

    private void check(Scenario scenario) {
        List<FieldError> errors = ScenarioCheck.errors(scenario);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The scenario is not complete", errors);
        }
    }

    private void refuseDuplicateName(String name, Long self) {
        RuleScenario same = RuleScenario.<RuleScenario>find("name", name).firstResult();
        if (same != null && !same.id.equals(self)) {
            throw ProblemException.conflict("A scenario named \"" + name + "\" exists already");
        }
    }

    private void write(RuleScenario entity, Scenario scenario) {
        entity.name = scenario.name();
        ObjectNode definition = json.valueToTree(scenario);
        definition.remove("name");
        entity.definition = definition;
        entity.updatedBy = audit.actor();
        entity.updatedAt = clock.instant();
    }

    private static RuleScenario find(long id) {
        RuleScenario entity = RuleScenario.findById(id);
        if (entity == null) {
            throw ProblemException.notFound("No scenario " + id);
        }
        return entity;
    }

    private Stored stored(RuleScenario entity) {
        try {
            ObjectNode definition = entity.definition.deepCopy();
            definition.put("name", entity.name);
            return new Stored(entity.id, json.treeToValue(definition, Scenario.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored scenario " + entity.id + " does not read back", e);
        }
    }
}
