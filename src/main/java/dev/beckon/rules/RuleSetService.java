package dev.beckon.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.beckon.audit.AuditLog;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.platform.notify.ChangeNotices;
import dev.beckon.platform.notify.ChangeTopic;
import dev.beckon.rules.guided.GuidedRules;
import dev.beckon.rules.scenario.ScenarioService;
import dev.beckon.security.SecurityConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Rule set versions: create a draft (refused with every compile error when it does not
 * compile), publish a version (archiving the one before), and keep the running KieBase in step
 * with the published version.
 */
@ApplicationScoped
public class RuleSetService {

    private static final Logger LOG = Logger.getLogger(RuleSetService.class);
    static final int MAX_DRL_LENGTH = 1_000_000;
    private static final long VERSION_LOCK = 7315002;

    @Inject
    RuleCompiler compiler;
    @Inject
    CompiledVersions versions;
    private final RuleTextPolicy policy = new RuleTextPolicy();
    @Inject
    ScenarioService scenarios;
    @Inject
    AuditLog audit;
    @Inject
    SecurityConfig security;
    @Inject
    ObjectMapper json;
    @Inject
    ActiveRules active;
    @Inject
    Clock clock;
    @Inject
    ChangeNotices notices;

    public List<RuleSet> list() {
        return QuarkusTransaction.requiringNew().call(() -> RuleSet.<RuleSet>listAll(
                io.quarkus.panache.common.Sort.descending("version")));
    }

    public Optional<RuleSet> find(int version) {
        return QuarkusTransaction.requiringNew().call(() -> RuleSet.<RuleSet>findByIdOptional(version));
    }

    /**
     * Every problem with the text: first what the rule text policy refuses (rule text runs
     * inside Beckon, so it may use the vocabulary and nothing else), then compile errors.
     */
    public List<CompileError> check(String drl) {
        requireText(drl);
        List<CompileError> refused = policy.violations(drl);
        return refused.isEmpty() ? compiler.check(drl) : refused;
    }

    /** Stores a new draft version; refuses text that does not compile, changing nothing. */
    public RuleSet createDraft(String drl, String comment, String author) {
        return createDraft(drl, comment, author, null);
    }

    /**
     * Stores new rule text as a draft; the guided rules of {@code basedOn} (default: the live
     * version) whose generated blocks the text still holds unchanged stay guided.
     */
    public RuleSet createDraft(String drl, String comment, String author, Integer basedOn) {
        int base = basedOn == null ? active.version() : basedOn;
        Optional<RuleSet> baseVersion = find(base);
        if (basedOn != null && baseVersion.isEmpty()) {
            throw ProblemException.notFound("No rule set version " + basedOn + " to base the draft on");
        }
        JsonNode guided = drl == null ? null : baseVersion.map(r -> GuidedRules.carriedForward(json, r.guided, drl)).orElse(null);
        return createDraftWithGuided(drl, comment, author, guided);
    }

    /** Stores new rule text as a draft with these guided definitions (the guided builder's way in). */
    public RuleSet createDraftWithGuided(String drl, String comment, String author, JsonNode guided) {
        requireText(drl);
        refuseOutsideThePolicy(drl);
        List<CompileError> errors = compiler.check(drl);
        if (!errors.isEmpty()) {
            throw compileProblem(errors);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            RuleSet draft = insert(drl, comment, author, RuleSet.DRAFT);
            draft.guided = guided == null ? JsonNodeFactory.instance.arrayNode() : guided;
            audit.record("ruleset.draft-created", "ruleset:" + draft.version, Map.of("comment", comment == null ? "" : comment));
            return draft;
        });
    }

    /**
     * Makes {@code version} the live rule set: compiled first, then published and the previous
     * version archived in one transaction, then swapped in. Publishing an archived version is a rollback.
     */
    public RuleSet publish(int version, String comment, String actor) {
        if (comment == null || comment.isBlank()) {
            throw ProblemException.badRequest("Say why this version goes live",
                    List.of(new FieldError("comment", "is required when publishing")));
        }
        RuleSet candidate = find(version).orElseThrow(() -> ProblemException.notFound("No rule set version " + version));
        if (RuleSet.PUBLISHED.equals(candidate.status)) {
            throw ProblemException.conflict("Version " + version + " is already published");
        }
        // Four eyes: a new version goes live only when someone other than its author agrees.
        // A rollback brings back what was live before, so it is not held to this.
        if (security.fourEyesPublishing() && RuleSet.DRAFT.equals(candidate.status) && actor.equals(candidate.createdBy)) {
            throw new ProblemException(403, "Four-eyes publishing",
                    "Version " + version + " was written by " + actor + ": someone else must publish it", List.of());
        }
        // Versions stored before the rule text policy existed are held to it too, rollbacks included.
        refuseOutsideThePolicy(candidate.drl);
        CompiledRuleSet compiled = versions.get(version);
        List<FieldError> failing = scenarios.runAll(version).stream().filter(r -> !r.passed())
                .flatMap(r -> r.problems().stream().map(p -> new FieldError("scenarios[" + r.name() + "]", p)))
                .toList();
        if (!failing.isEmpty()) {
            throw new ProblemException(422, "Scenarios fail",
                    "Version " + version + " cannot be published while scenarios fail", failing);
        }
        RuleSet published = recordPublished(version, comment, actor);
        synchronized (this) {
            active.activate(compiled);
        }
        LOG.infof("Rule set version %d published by %s", version, actor);
        return published;
    }

    /**
     * Commits {@code version} as the published one and archives the one before, with the notice
     * that brings every replica's engine to it (this one's too, should the swap here be missed).
     */
    RuleSet recordPublished(int version, String comment, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            lockVersions();
            Integer previous = RuleSet.<RuleSet>find("status", RuleSet.PUBLISHED).firstResultOptional()
                    .map(r -> r.version).orElse(null);
            RuleSet.update("status = ?1 where status = ?2", RuleSet.ARCHIVED, RuleSet.PUBLISHED);
            RuleSet.getEntityManager().flush();
            RuleSet target = RuleSet.findById(version);
            target.status = RuleSet.PUBLISHED;
            target.publishedBy = actor;
            target.publishedAt = clock.instant();
            target.publishComment = comment;
            audit.record("ruleset.published", "ruleset:" + version,
                    Map.of("comment", comment, "previous", previous == null ? "none" : previous.toString()));
            notices.announce(ChangeTopic.RULES);
            return target;
        });
    }

    /**
     * Loads the published version into the engine if it is not the one running (after a publish
     * elsewhere). Reading, compiling and swapping in hold the same lock as a publish's swap, so a
     * sync that read an older version can never swap it in after a newer publish here.
     */
    public synchronized void syncWithPublished() {
        Optional<RuleSet> published = QuarkusTransaction.requiringNew().call(() ->
                RuleSet.<RuleSet>find("status", RuleSet.PUBLISHED).firstResultOptional());
        if (published.isPresent() && published.get().version != active.version()) {
            try {
                active.activate(compiler.compile(published.get().version, published.get().drl));
                LOG.infof("Now evaluating rule set version %d", published.get().version);
            } catch (RuleCompilationException e) {
                LOG.errorf("Published rule set version %d does not compile here; still evaluating version %d: %s",
                        published.get().version, active.version(), e.getMessage());
            }
        }
    }

    /** On an empty database, the starter pack becomes version 1, published. */
    public boolean installStarterPack(String drl) {
        return QuarkusTransaction.requiringNew().call(() -> {
            lockVersions();
            if (RuleSet.count() > 0) {
                return false;
            }
            RuleSet starter = insert(drl, "Starter pack", "beckon", RuleSet.PUBLISHED);
            starter.publishedBy = "beckon";
            starter.publishedAt = starter.createdAt;
            notices.announce(ChangeTopic.RULES);
            return true;
        });
    }

    private RuleSet insert(String drl, String comment, String author, String status) {
        lockVersions();
        Integer max = RuleSet.getEntityManager()
                .createQuery("select max(r.version) from RuleSet r", Integer.class).getSingleResult();
        RuleSet rules = new RuleSet();
        rules.version = max == null ? 1 : max + 1;
        rules.status = status;
        rules.drl = drl;
        rules.comment = comment;
        rules.createdBy = author;
        rules.createdAt = clock.instant();
        rules.guided = JsonNodeFactory.instance.arrayNode();
        rules.persist();
        return rules;
    }

    private static void lockVersions() {
        RuleSet.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(" + VERSION_LOCK + ")").getSingleResult();
    }

    private static void requireText(String drl) {
        if (drl == null || drl.isBlank()) {
            throw ProblemException.badRequest("Rule text is required", List.of(new FieldError("drl", "is required")));
        }
        if (drl.length() > MAX_DRL_LENGTH) {
            throw ProblemException.badRequest("Rule text is too long",
                    List.of(new FieldError("drl", "must be at most " + MAX_DRL_LENGTH + " characters")));
        }
    }

    private void refuseOutsideThePolicy(String drl) {
        List<CompileError> refused = policy.violations(drl);
        if (!refused.isEmpty()) {
            throw new ProblemException(422, "Rule text is not allowed",
                    refused.size() + " part(s) reach beyond the rule vocabulary; the first is at line " + refused.get(0).line(),
                    refused.stream().map(e -> new FieldError("drl", e.message(), e.line(), e.column())).toList());
        }
    }

    static ProblemException compileProblem(List<CompileError> errors) {
        List<FieldError> fieldErrors = errors.stream()
                .map(e -> new FieldError("drl", e.message(), e.line(), e.column())).toList();
        return new ProblemException(422, "Rules do not compile",
                errors.size() + " error(s); the first is at line " + errors.get(0).line(), fieldErrors);
    }
}
