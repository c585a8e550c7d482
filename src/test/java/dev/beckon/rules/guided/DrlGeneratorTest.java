package dev.beckon.rules.guided;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.decision.DecisionFactory;
import dev.beckon.rules.CompiledRuleSet;
import dev.beckon.rules.RuleCompiler;
import dev.beckon.rules.RuleTextPolicy;
import dev.beckon.rules.scenario.Scenario;
import dev.beckon.rules.scenario.ScenarioResult;
import dev.beckon.rules.scenario.ScenarioRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrlGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RuleCompiler compiler = new RuleCompiler();
    private final ScenarioRunner scenarios = new ScenarioRunner(new DecisionFactory(JSON));

    private static final GuidedRule ABANDONED_FIRST_CART = new GuidedRule("First cart rescue", "cart.updated",
            List.of(new GuidedRule.Condition("event", "total", ">", "100"),
                    new GuidedRule.Condition("profile", "orderCount", "==", "0")),
            new GuidedRule.UnlessWithin("order.completed", "30m"),
            new GuidedRule.Decision("offer", "first-cart", 10.0, null, "FIRST10", "email", null, null,
                    "Your cart is waiting", null, null, null, null),
            true);

    @Test
    void anOfferUnlessAPurchaseWithinHalfAnHourBecomesACancellableFollowUp() throws Exception {
        String drl = DrlGenerator.drl(ABANDONED_FIRST_CART);

        assertThat(drl).contains("Event(type == \"cart.updated\", number(\"total\") > 100)")
                .contains("Profile(orderCount == 0)")
                .contains("decide.followUp(\"first-cart\").after(\"30m\").cancelledBy(\"order.completed\")")
                .contains(".withOffer(10, \"FIRST10\")");
        assertThat(new RuleTextPolicy().violations(drl)).isEmpty();
        CompiledRuleSet rules = compiler.compile(1, drl);

        assertThat(run(rules, """
                {"name": "abandoned", "given": [{"at": "10:00", "type": "cart.updated", "data": {"total": 150}}],
                 "expect": [{"kind": "followup", "campaign": "first-cart", "status": "fired", "at": "10:30", "percentOff": 10}]}
                """).problems()).isEmpty();
        assertThat(run(rules, """
                {"name": "bought", "given": [{"at": "10:00", "type": "cart.updated", "data": {"total": 150}},
                                             {"at": "10:10", "type": "order.completed", "data": {"total": 150}}],
                 "expect": [{"kind": "followup", "campaign": "first-cart", "status": "cancelled"}]}
                """).problems()).isEmpty();
        assertThat(run(rules, """
                {"name": "small", "given": [{"at": "10:00", "type": "cart.updated", "data": {"total": 50}}], "expect": []}
                """).problems()).isEmpty();
    }

    @Test
    void textConditionsAndEscalationsCompileAndMatch() throws Exception {
        GuidedRule broken = new GuidedRule("Broken on arrival", "feedback.submitted",
                List.of(new GuidedRule.Condition("event", "text", "contains", "broken (again)"),
                        new GuidedRule.Condition("event", "channel", "is not", "survey"),
                        new GuidedRule.Condition("event", "urgent", "is true", null)),
                null,
                new GuidedRule.Decision("escalation", null, null, null, null, null, null, null, null, null,
                        "Product arrived broken", "high", "support"),
                true);
        String drl = DrlGenerator.drl(broken);
        assertThat(new RuleTextPolicy().violations(drl)).isEmpty();
        CompiledRuleSet rules = compiler.compile(1, drl);

        assertThat(run(rules, """
                {"name": "broken", "given": [{"at": "10:00", "type": "feedback.submitted",
                   "data": {"text": "It was broken (again) on arrival", "channel": "email", "urgent": true}}],
                 "expect": [{"kind": "escalation", "priority": "high"}]}
                """).problems()).isEmpty();
        assertThat(run(rules, """
                {"name": "fine", "given": [{"at": "10:00", "type": "feedback.submitted",
                   "data": {"text": "It was broken", "channel": "email", "urgent": true}}], "expect": []}
                """).problems()).isEmpty();
    }

    @Test
    void aDisabledGuidedRuleNeverFires() throws Exception {
        GuidedRule off = new GuidedRule("Quiet", "room.assigned", List.of(), null,
                new GuidedRule.Decision("offer", "quiet", null, 5.0, null, null, "2d", null, null, null, null, null, null),
                false);
        CompiledRuleSet rules = compiler.compile(1, DrlGenerator.drl(off));

        assertThat(run(rules, """
                {"name": "off", "given": [{"at": "10:00", "type": "room.assigned"}], "expect": []}
                """).problems()).isEmpty();
    }

    @Test
    void aFollowUpCanCarryAnAmountOff() throws Exception {
        GuidedRule nudge = new GuidedRule("Nudge", "cart.updated", List.of(), null,
                new GuidedRule.Decision("followup", "nudge", null, 5.0, "FIVE", null, null, "1h", "Still there?",
                        List.of("order.completed"), null, null, null),
                true);
        String drl = DrlGenerator.drl(nudge);

        assertThat(drl).contains(".withAmountOff(5, \"FIVE\")");
        assertThat(run(compiler.compile(1, drl), """
                {"name": "nudge", "given": [{"at": "10:00", "type": "cart.updated"}],
                 "expect": [{"kind": "followup", "campaign": "nudge", "status": "fired", "at": "11:00", "amountOff": 5}]}
                """).problems()).isEmpty();
    }

    @Test
    void namesEveryIncompleteField() {
        GuidedRule incomplete = new GuidedRule("", "Cart", List.of(new GuidedRule.Condition("profile", "shoeSize", "~", "x")),
                new GuidedRule.UnlessWithin("order.completed", "soon"),
                new GuidedRule.Decision("offer", "Cart Rescue", 150.0, null, "A\"B", null, null, null, null, null, null, null, null),
                true);

        assertThat(GuidedRuleCheck.errors(incomplete)).extracting(e -> e.field()).containsExactly(
                "name", "trigger", "conditions[0].field", "conditions[0].operator", "conditions[0].value",
                "unlessWithin.duration", "decision.campaign", "decision.percentOff", "decision.code");
    }

    @Test
    void replacesAndRemovesItsOwnBlockOnly() {
        String text = "rule \"Hand written\"\nwhen\n    Event()\nthen\nend\n";
        String withRule = GuidedBlocks.put(text, "First cart rescue", DrlGenerator.drl(ABANDONED_FIRST_CART));
        String replaced = GuidedBlocks.put(withRule, "First cart rescue", "rule \"First cart rescue\"\nwhen\nthen\nend");

        assertThat(withRule).startsWith(text).contains(GuidedBlocks.start("First cart rescue"));
        assertThat(replaced).contains("rule \"First cart rescue\"\nwhen\nthen\nend").doesNotContain("FIRST10");
        assertThat(GuidedBlocks.remove(replaced, "First cart rescue").strip()).isEqualTo(text.strip());
    }

    private ScenarioResult run(CompiledRuleSet rules, String scenario) throws Exception {
        return scenarios.run(rules, JSON.readValue(scenario, Scenario.class));
    }
}
