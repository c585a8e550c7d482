package dev.beckon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.rules.vocabulary.Event;
import dev.beckon.rules.vocabulary.OfferDraft;
import dev.beckon.rules.vocabulary.Profile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleCompilerTest {

    private final RuleCompiler compiler = new RuleCompiler();

    @Test
    void compilesRuleTextAndEvaluatesItAgainstAnEvent() throws Exception {
        CompiledRuleSet rules = compiler.compile(1, """
                rule "big cart"
                when
                    Event(type == "cart.updated", number("total") > 100)
                then
                    decide.offer("cart-rescue").percentOff(10).code("CART10");
                end
                """);

        RuleEvaluator.Outcome outcome = new RuleEvaluator(rules).evaluate(event("cart.updated", "{\"total\": 129.9}"), profile());

        assertThat(rules.ruleNames()).containsExactly("big cart");
        assertThat(outcome.firedRules()).containsExactly("big cart");
        assertThat(outcome.drafts()).singleElement().isInstanceOfSatisfying(OfferDraft.class, offer -> {
            assertThat(offer.rule()).isEqualTo("big cart");
            assertThat(offer.percentOffValue()).isEqualTo(10.0);
        });
    }

    @Test
    void missingDataNeverMatchesANumericCondition() throws Exception {
        CompiledRuleSet rules = compiler.compile(1, """
                rule "big cart"
                when
                    Event(number("total") > 100)
                then
                    decide.offer("cart-rescue").percentOff(10);
                end
                """);

        assertThat(new RuleEvaluator(rules).evaluate(event("cart.updated", "{}"), profile()).drafts()).isEmpty();
    }

    @Test
    void reportsEveryErrorAtTheAuthorsLine() {
        String drl = """
                rule "fine"
                when
                    Event(type == "a")
                then
                end

                rule "broken"
                when
                    Event(nosuchfield == 3)
                then
                end
                """;

        assertThatThrownBy(() -> compiler.compile(2, drl))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.errors()).isNotEmpty();
                    assertThat(e.errors().get(0).line()).isEqualTo(9);
                    assertThat(e.errors().get(0).message()).contains("nosuchfield").contains("[Line: 9,");
                });
    }

    @Test
    void reportsSyntaxErrorsWithLine() {
        List<CompileError> errors = compiler.check("""
                rule "oops"
                when
                    Event(type == )
                then
                end
                """);
        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0).line()).isEqualTo(3);
        assertThat(errors.get(0).message()).contains("Line 3:");
    }

    @Test
    void starterPackCompiles() throws Exception {
        String drl = java.nio.file.Files.readString(java.nio.file.Path.of("rules/starter-pack.drl"));
        assertThat(compiler.check(drl)).isEmpty();
        assertThat(compiler.compile(1, drl).ruleNames()).hasSize(8);
    }

    private static Event event(String type, String data) throws Exception {
        return new Event("e-1", type, "c-1", Instant.parse("2026-11-21T10:00:00Z"), "web", null,
                new ObjectMapper().readTree(data));
    }

    private static Profile profile() {
        return new Profile("c-1", Instant.EPOCH, Instant.EPOCH, 1, Map.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                0, BigDecimal.ZERO, 0, Double.NaN, Set.of(), Set.of());
    }
}
