package dev.beckon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {

    @Test
    void describesEachStarterRuleByTriggerAndDecision() throws Exception {
        List<RuleCatalog.Entry> rules = RuleCatalog.describe(Files.readString(Path.of("rules/starter-pack.drl")));

        assertThat(rules).extracting(RuleCatalog.Entry::name).contains("Abandoned cart reminder", "Welcome offer");
        RuleCatalog.Entry welcome = rules.stream().filter(r -> r.name().equals("Welcome offer")).findFirst().orElseThrow();
        assertThat(welcome.reactsTo()).containsExactly("customer.signed_up");
        assertThat(welcome.decides()).containsExactly("offer welcome", "follow-up welcome");
        assertThat(welcome.enabled()).isTrue();
        assertThat(welcome.text()).startsWith("rule \"Welcome offer\"").endsWith("end");
        RuleCatalog.Entry feedback = rules.stream().filter(r -> r.name().startsWith("Negative")).findFirst().orElseThrow();
        assertThat(feedback.decides()).containsExactly("escalation \"Negative feedback\"");
    }

    @Test
    void readsDisabledRulesTypeListsAndRulesWithoutAType() {
        List<RuleCatalog.Entry> rules = RuleCatalog.describe("""
                rule "Off" enabled false
                when
                    Event(type in ("a.b", "c.d"))
                    not Event(type == "e.f")
                then
                end

                rule "Anything"
                when
                    Event()
                then
                end
                """);

        assertThat(rules.get(0).enabled()).isFalse();
        assertThat(rules.get(0).reactsTo()).containsExactly("a.b", "c.d");
        assertThat(rules.get(1).reactsTo()).containsExactly("any event");
    }
}
