package dev.beckon.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.decision.DecisionFactory;
import dev.beckon.rules.CompiledRuleSet;
import dev.beckon.rules.RuleCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CompiledRuleSet starterPack;
    private final ScenarioRunner runner = new ScenarioRunner(new DecisionFactory(JSON));

    @BeforeAll
    static void compile() throws Exception {
        starterPack = new RuleCompiler().compile(1, Files.readString(Path.of("rules/starter-pack.drl")));
    }

    @Test
    void anAbandonedBigCartFiresItsReminderWithTenPercentOffHalfAnHourLater() throws Exception {
        ScenarioResult result = run("""
                {"name": "abandoned", "given": [{"at": "10:00", "type": "cart.updated", "data": {"total": 150}}],
                 "expect": [{"kind": "followup", "campaign": "abandoned-cart", "status": "fired", "at": "10:30", "percentOff": 10}]}
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.passed()).isTrue();
        assertThat(result.decisions()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("fired");
            assertThat(d.dueAt()).isEqualTo("10:30");
        });
    }

    @Test
    void aPurchaseTenMinutesLaterCancelsTheReminder() throws Exception {
        ScenarioResult result = run("""
                {"name": "bought", "given": [
                   {"at": "10:00", "type": "cart.updated", "data": {"total": 150}},
                   {"at": "10:10", "type": "order.completed", "data": {"total": 150}}],
                 "expect": [{"kind": "followup", "campaign": "abandoned-cart", "status": "cancelled", "at": "10:10"}]}
                """);

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aWelcomeNudgeFiresOnDayFourWithoutAnOrder() throws Exception {
        ScenarioResult result = run("""
                {"name": "welcome", "given": [{"at": "09:00", "type": "customer.signed_up"}],
                 "expect": [{"kind": "offer", "campaign": "welcome", "percentOff": 10},
                            {"kind": "followup", "campaign": "welcome", "status": "fired", "at": "day 4 09:00"}]}
                """);

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void saysWhichExpectationWasNotMetAndWhatWasDecidedInstead() throws Exception {
        ScenarioResult result = run("""
                {"name": "wrong", "given": [{"at": "10:00", "type": "cart.updated", "data": {"total": 150}}],
                 "expect": [{"kind": "followup", "campaign": "abandoned-cart", "percentOff": 20}]}
                """);

        assertThat(result.passed()).isFalse();
        assertThat(result.problems()).containsExactly(
                "expected a followup \"abandoned-cart\" with 20.0% off, but no such decision was made",
                "did not expect followup \"abandoned-cart\" by rule \"Abandoned cart reminder with offer\"");
    }

    @Test
    void anOffersTimeIsWhenItWasDecided() throws Exception {
        assertThat(run("""
                {"name": "welcome", "given": [{"at": "09:00", "type": "customer.signed_up"}], "exactly": false,
                 "expect": [{"kind": "offer", "campaign": "welcome", "at": "09:00"}]}
                """).problems()).isEmpty();
        assertThat(run("""
                {"name": "welcome", "given": [{"at": "09:00", "type": "customer.signed_up"}], "exactly": false,
                 "expect": [{"kind": "offer", "campaign": "welcome", "at": "10:00"}]}
                """).problems()).containsExactly("expected an offer \"welcome\" at 10:00, but no such decision was made");
    }

    @Test
    void unexpectedDecisionsAreAllowedWhenNotExact() throws Exception {
        ScenarioResult result = run("""
                {"name": "loose", "exactly": false, "given": [{"at": "10:00", "type": "customer.signed_up"}],
                 "expect": [{"kind": "offer", "campaign": "welcome"}]}
                """);

        assertThat(result.passed()).isTrue();
    }

    @Test
    void readsScenarioTimes() {
        assertThat(ScenarioClock.format(ScenarioClock.parse("9:05"))).isEqualTo("09:05");
        assertThat(ScenarioClock.format(ScenarioClock.parse("day 3 23:59"))).isEqualTo("day 3 23:59");
    }

    private ScenarioResult run(String scenario) throws Exception {
        return runner.run(starterPack, JSON.readValue(scenario, Scenario.class));
    }
}
