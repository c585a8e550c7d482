package dev.beckon.segment;

import static dev.beckon.support.SegmentFixtures.create;
import static dev.beckon.support.SegmentFixtures.customer;
import static dev.beckon.support.SegmentFixtures.order;
import static dev.beckon.support.SegmentFixtures.send;
import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.RuleSets;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code Profile(inSegment("…"))} in published rules, against members as the segment stored them. */
@QuarkusTest
class SegmentInRulesTest {

    @Test
    void aRuleAboutASegmentFiresForItsMembersOnly() {
        String tag = unique("seg.tag");
        String vip = customer(tag);
        order(vip, 1, 500);
        String other = customer(tag);
        order(other, 1, 5);
        String segment = create(tag, Map.of("profile", "lifetime_spend", "op", ">=", "value", 100));
        String visit = unique("seg.visit");
        RuleSets.publishStarterPackWith("""

                rule "Welcome back a big spender"
                when
                    Event(type == "%s")
                    Profile(inSegment("%s"))
                then
                    decide.offer("welcome-back").percentOff(5).code("BACK5").channel("email").validFor("7d")
                          .message("Good to see you again.");
                end
                """.formatted(visit, segment));
        try {
            send(vip, visit, 0, "{}");
            send(other, visit, 0, "{}");

            assertThat(rulesDecidedFor(vip)).contains("Welcome back a big spender");
            assertThat(rulesDecidedFor(other)).doesNotContain("Welcome back a big spender");
        } finally {
            RuleSets.restoreStarterPack();
        }
    }

    private static List<String> rulesDecidedFor(String customer) {
        return api().get("/api/customers/{id}/decisions", customer).then().statusCode(200)
                .extract().jsonPath().getList("rule", String.class);
    }
}
