package dev.beckon.rules;

import dev.beckon.platform.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled rule set versions for trying, testing and backtesting drafts. Compiling takes a
 * second or so, and versions never change, so the last few are kept; the live version is taken
 * from the engine itself.
 */
@ApplicationScoped
public class CompiledVersions {

    static final int KEEP = 8;

    @Inject
    RuleCompiler compiler;
    @Inject
    ActiveRules active;

    private final Map<Integer, CompiledRuleSet> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, CompiledRuleSet> eldest) {
            return size() > KEEP;
        }
    };

    public CompiledRuleSet get(int version) {
        CompiledRuleSet live = active.current().orElse(null);
        if (live != null && live.version() == version) {
            return live;
        }
        synchronized (recent) {
            CompiledRuleSet cached = recent.get(version);
            if (cached != null) {
                return cached;
            }
        }
        RuleSet stored = QuarkusTransaction.requiringNew().call(() -> RuleSet.<RuleSet>findById(version));
        if (stored == null) {
            throw ProblemException.notFound("No rule set version " + version);
        }
        CompiledRuleSet compiled;
        try {
            compiled = compiler.compile(version, stored.drl);
        } catch (RuleCompilationException e) {
            throw RuleSetService.compileProblem(e.errors());
        }
        synchronized (recent) {
            recent.put(version, compiled);
        }
        return compiled;
    }
}
