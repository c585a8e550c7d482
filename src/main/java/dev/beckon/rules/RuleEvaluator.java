package dev.beckon.rules;

import dev.beckon.event.EventEnvelope;
import dev.beckon.rules.vocabulary.Decide;
import dev.beckon.rules.vocabulary.Draft;
import dev.beckon.rules.vocabulary.Event;
import dev.beckon.rules.vocabulary.Profile;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Runs one compiled rule set over events, one at a time. Not thread-safe: each batch makes its
 * own evaluator, which reuses one stateless session for all the events in the batch.
 */
public final class RuleEvaluator {

    /** The decisions one event led to, and the rules that fired (a rule may fire without deciding). */
    public record Outcome(List<Draft> drafts, List<String> firedRules) {
    }

    private final CompiledRuleSet rules;
    private final StatelessKieSession session;
    private final FiringListener listener = new FiringListener();

    public RuleEvaluator(CompiledRuleSet rules) {
        this.rules = rules;
        this.session = rules.kieBase().newStatelessKieSession();
        this.session.addEventListener(listener);
    }

    public int version() {
        return rules.version();
    }

    /**
     * Evaluates one event. Throws whatever a rule's consequence throws, and {@code
     * InvalidDecisionException} for a decision a rule stated wrongly: the caller dead-letters the event.
     */
    public Outcome evaluate(EventEnvelope event, Profile profile) {
        return evaluate(new Event(event.id(), event.type(), event.customerId(), event.occurredAt(), event.source(),
                event.correlationId(), event.data()), profile);
    }

    public Outcome evaluate(Event event, Profile profile) {
        Decide decide = new Decide();
        listener.start(decide);
        session.setGlobal("decide", decide);
        session.execute(List.of(event, profile));
        List<Draft> drafts = decide.drafts();
        drafts.forEach(Draft::validate);
        return new Outcome(drafts, listener.fired());
    }

    private static final class FiringListener extends DefaultAgendaEventListener {
        private Decide decide;
        private final List<String> fired = new ArrayList<>();

        void start(Decide decide) {
            this.decide = decide;
            fired.clear();
        }

        List<String> fired() {
            return List.copyOf(fired);
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            String name = event.getMatch().getRule().getName();
            fired.add(name);
            decide.ruleFiring(name);
        }
    }
}
