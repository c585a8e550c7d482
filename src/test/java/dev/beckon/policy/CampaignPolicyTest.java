package dev.beckon.policy;

import static dev.beckon.policy.PolicyFixture.campaign;
import static dev.beckon.policy.PolicyFixture.campaignName;
import static dev.beckon.policy.PolicyFixture.judged;
import static dev.beckon.policy.PolicyFixture.offer;
import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import dev.beckon.delivery.DeliveryPlanner;
import dev.beckon.support.MovableClock;
import dev.beckon.support.RuleSets;
import dev.beckon.support.SegmentFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Campaign settings applied to every offer: channels, caps, budgets, re-entry, codes and the control group. */
@QuarkusTest
class CampaignPolicyTest {

    @Inject
    MovableClock clock;
    @Inject
    DeliveryPlanner planner;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void publishTheTestRule() {
        PolicyFixture.publishRule();
    }

    @AfterEach
    void restoreClockPolicyAndRules() {
        clock.reset();
        PolicyFixture.clearPolicy();
        RuleSets.restoreStarterPack();
    }

    @Test
    void aCampaignCapSuppressesTheSecondOfferWithinItsWindowAndAllowsOneAfterIt() {
        String name = campaignName("caps");
        campaign(name, Map.of("caps", List.of(Map.of("max", 1, "per", "P7D", "kind", "offer"))));
        String customer = unique("c");

        offer(customer, name);
        assertThat(judged(customer, 1).getString("decisions[0].outcome")).isEqualTo("sent");
        offer(customer, name);
        JsonPath second = judged(customer, 2);
        assertThat(second.getString("decisions[0].outcome")).isEqualTo("suppressed");
        assertThat(second.getString("decisions[0].reason"))
                .startsWith("frequency cap: at most 1 offer per P7D in campaign " + name);
        assertThat(second.getList("decisions[0].deliveries.status")).isNotEmpty().containsOnly("suppressed");

        clock.advance(Duration.ofDays(8));
        offer(customer, name);
        assertThat(judged(customer, 3).getString("decisions[0].outcome")).isEqualTo("sent");
    }

    @Test
    void aGlobalCapCountsEveryCampaignExceptTransactionalOnes() {
        String marketing = campaignName("news");
        String transactional = campaignName("receipts");
        campaign(marketing, Map.of());
        campaign(transactional, Map.of("transactional", true));
        PolicyFixture.setPolicy(Map.of("caps", List.of(Map.of("max", 2, "per", "P1D"))));
        String customer = unique("c");

        List<String> outcomes = new ArrayList<>();
        for (String name : List.of(marketing, transactional, marketing, marketing, transactional)) {
            offer(customer, name);
            outcomes.add(judged(customer, outcomes.size() + 1).getString("decisions[0].outcome"));
        }

        assertThat(outcomes).containsExactly("sent", "sent", "sent", "suppressed", "sent");
        assertThat(PolicyFixture.why(customer).getString("decisions[1].reason"))
                .startsWith("frequency cap: at most 2 messages per P1D (the customer had 2)");
    }

    @Test
    void aCapHoldsWhenSeveralPlannersJudgeTheSameCustomerAtOnce() throws Exception {
        String name = campaignName("race");
        campaign(name, Map.of("caps", List.of(Map.of("max", 1, "per", "P1D"))));
        String customer = unique("c");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(offer(customer, name));
        }

        planAtOnce(4);

        List<String> outcomes = judged(customer, 20).getList("decisions.outcome");
        assertThat(outcomes).filteredOn("sent"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("suppressed"::equals).hasSize(19);
    }

    @Test
    void aBudgetOfOffersPerDaySuppressesOffersPastItWithTheReason() {
        String name = campaignName("budget");
        campaign(name, Map.of("budget", Map.of("offersPerDay", 2)));

        List<String> outcomes = new ArrayList<>();
        String last = null;
        for (int i = 0; i < 3; i++) {
            last = unique("c");
            offer(last, name);
            outcomes.add(judged(last, 1).getString("decisions[0].outcome"));
        }

        assertThat(outcomes).containsExactly("sent", "sent", "suppressed");
        assertThat(PolicyFixture.why(last).getString("decisions[0].reason"))
                .isEqualTo("budget of campaign " + name + " reached: 2 offers per day");
    }

    @Test
    void aBudgetHoldsWhenSeveralPlannersJudgeOffersToDifferentCustomersAtOnce() throws Exception {
        String name = campaignName("budgetrace");
        campaign(name, Map.of("budget", Map.of("offersPerDay", 3)));
        List<String> customers = new ArrayList<>();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 12; i++) {
            String customer = unique("c");
            customers.add(customer);
            batch.append(i == 0 ? "" : ",").append(event(unique("e"), "policy.test", customer, """
                    {"campaign": "%s", "off": 20, "channel": "email"}""".formatted(name)));
        }
        // One batch, so the offers wait for planning together; replicas planning at once are threads here.
        api().body(batch.append("]").toString()).post("/api/events").then().statusCode(202);

        planAtOnce(4);

        List<String> outcomes = customers.stream().map(customer -> judged(customer, 1).getString("decisions[0].outcome")).toList();
        assertThat(outcomes).filteredOn("sent"::equals).hasSize(3);
        assertThat(outcomes).filteredOn("suppressed"::equals).hasSize(9);
    }

    @Test
    void aDiscountBudgetStopsTheOfferThatWouldGoPastIt() {
        String name = campaignName("spend");
        campaign(name, Map.of("budget", Map.of("discountTotal", 50)));

        List<String> outcomes = new ArrayList<>();
        String last = null;
        for (int off : List.of(20, 20, 20, 10)) {
            last = unique("c");
            offer(last, name, off, "email", "");
            outcomes.add(judged(last, 1).getString("decisions[0].outcome"));
        }

        // 20 + 20 spent; a third 20 would make 60; the 10 fits within 50.
        assertThat(outcomes).containsExactly("sent", "sent", "suppressed", "sent");
    }

    @Test
    void aOncePerCustomerCampaignSuppressesTheSecondEntry() {
        String name = campaignName("once");
        campaign(name, Map.of("entry", Map.of("mode", "once")));
        String customer = unique("c");

        offer(customer, name);
        judged(customer, 1);
        offer(customer, name);

        JsonPath why = judged(customer, 2);
        assertThat(why.getList("decisions.outcome")).containsExactly("suppressed", "sent");
        assertThat(why.getString("decisions[0].reason")).startsWith("already entered campaign " + name);
    }

    @Test
    void aOncePerKeyCampaignLetsTheCustomerInAgainForAnotherKeyOnly() {
        String name = campaignName("cart");
        campaign(name, Map.of("entry", Map.of("mode", "once-per-key", "key", "cartId")));
        String customer = unique("c");

        List<String> outcomes = new ArrayList<>();
        for (String cart : List.of("A", "A", "B")) {
            offer(customer, name, 20, "email", "\"cartId\": \"" + cart + "\"");
            outcomes.add(judged(customer, outcomes.size() + 1).getString("decisions[0].outcome"));
        }

        assertThat(outcomes).containsExactly("sent", "suppressed", "sent");
    }

    @Test
    void aCoolDownLetsTheCustomerInAgainOnlyAfterIt() {
        String name = campaignName("cool");
        campaign(name, Map.of("entry", Map.of("mode", "cooldown", "cooldown", "P2D")));
        String customer = unique("c");

        offer(customer, name);
        judged(customer, 1);
        offer(customer, name);
        assertThat(judged(customer, 2).getString("decisions[0].reason")).contains("may enter again from");
        clock.advance(Duration.ofDays(3));
        offer(customer, name);

        assertThat(judged(customer, 3).getList("decisions.outcome")).containsExactly("sent", "suppressed", "sent");
    }

    @Test
    void eachOfferTakesItsOwnCodeFromThePoolAndAnEmptyPoolSuppressesWithTheReason() throws Exception {
        String name = campaignName("pool");
        campaign(name, Map.of("offerCodes", Map.of("source", "pool")));
        addCodes(name, "POOL-A", "POOL-B");

        List<String> customers = List.of(unique("c"), unique("c"), unique("c"));
        List<JsonPath> whys = new ArrayList<>();
        for (String customer : customers) {
            offer(customer, name);
            whys.add(judged(customer, 1));
        }

        assertThat(List.of(whys.get(0).getString("decisions[0].offerCode"), whys.get(1).getString("decisions[0].offerCode")))
                .containsExactlyInAnyOrder("POOL-A", "POOL-B");
        assertThat(whys.get(0).getString("decisions[0].details.code")).isEqualTo(whys.get(0).getString("decisions[0].offerCode"));
        assertThat(whys.get(2).getString("decisions[0].outcome")).isEqualTo("suppressed");
        assertThat(whys.get(2).getString("decisions[0].reason")).isEqualTo("the offer code pool of campaign " + name + " is empty");
        assertThat(deliveredCodes(whys.get(0).getString("decisions[0].decisionId")))
                .isNotEmpty().containsOnly(whys.get(0).getString("decisions[0].offerCode"));
    }

    @Test
    void aFixedCodeReplacesTheCodeTheRuleWrote() {
        String name = campaignName("fixed");
        campaign(name, Map.of("offerCodes", Map.of("source", "fixed", "code", "SPRING10")));
        String customer = unique("c");

        offer(customer, name);

        assertThat(judged(customer, 1).getString("decisions[0].details.code")).isEqualTo("SPRING10");
    }

    @Test
    void anOfferOnAChannelTheCampaignDoesNotUseIsSuppressed() {
        String name = campaignName("chan");
        campaign(name, Map.of("channels", List.of("email")));
        String customer = unique("c");

        offer(customer, name, 5, "sms", "");

        JsonPath why = judged(customer, 1);
        assertThat(why.getString("decisions[0].outcome")).isEqualTo("suppressed");
        assertThat(why.getString("decisions[0].reason")).isEqualTo("campaign " + name + " does not use sms (its channels: email)");
    }

    @Test
    void aControlGroupCustomerIsHeldOutAfterTheEligibilityChecks() {
        String name = campaignName("ctl");
        campaign(name, 100, Map.of("channels", List.of("email")));
        String inGroup = unique("c");
        String wrongChannel = unique("c");

        offer(inGroup, name);
        offer(wrongChannel, name, 5, "sms", "");

        assertThat(judged(inGroup, 1).getString("decisions[0].outcome")).isEqualTo("held_out");
        assertThat(judged(wrongChannel, 1).getString("decisions[0].outcome")).isEqualTo("suppressed");
    }

    @Test
    void aCampaignWithAnAudienceReachesOnlyTheSegmentsMembers() {
        String tag = unique("aud.tag");
        String member = SegmentFixtures.customer(tag);
        String segment = SegmentFixtures.create(tag);
        assertThat(SegmentFixtures.members(segment)).containsExactly(member);
        String name = campaignName("aud");
        campaign(name, Map.of("audience", segment));
        String outsider = unique("c");

        offer(member, name);
        offer(outsider, name);

        assertThat(judged(member, 1).getString("decisions[0].outcome")).isEqualTo("sent");
        JsonPath outside = judged(outsider, 1);
        assertThat(outside.getString("decisions[0].outcome")).isEqualTo("suppressed");
        assertThat(outside.getString("decisions[0].reason"))
                .isEqualTo("not in the audience of campaign " + name + " (segment " + segment + ")");
    }

    @Test
    void theWhyViewNamesTheRuleAndEveryDecisionWithItsOutcome() {
        String name = campaignName("why");
        campaign(name, Map.of());
        String customer = unique("c");

        offer(customer, name);

        JsonPath why = judged(customer, 1);
        assertThat(why.getString("customerId")).isEqualTo(customer);
        assertThat(why.getString("rules[0].rule")).isEqualTo("Policy test offer");
        assertThat(why.getInt("rules[0].decisions")).isEqualTo(1);
        assertThat(why.getString("decisions[0].eventType")).isEqualTo("policy.test");
        assertThat(why.getString("decisions[0].campaign")).isEqualTo(name);
    }

    @Test
    void settingsThatMakeNoSenseAreRefusedNamingEachField() {
        api().body(Map.of("name", campaignName("bad"), "settings", Map.of(
                        "caps", List.of(Map.of("max", 0, "per", "soon")),
                        "entry", Map.of("mode", "cooldown"),
                        "offerCodes", Map.of("source", "fixed"),
                        "budget", Map.of("offersPerDay", -1))))
                .post("/api/campaigns").then().statusCode(400)
                .body("errors.field", hasItems("settings.caps[0].max", "settings.caps[0].per", "settings.entry.cooldown",
                        "settings.offerCodes.code", "settings.budget.offersPerDay"));
    }

    /** The codes the decision's deliveries carry, as they will be sent. */
    private List<String> deliveredCodes(String decision) throws Exception {
        List<String> codes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT coalesce(payload->'details'->>'code', payload->'data'->'details'->>'code') FROM deliveries WHERE decision_id = ?::uuid")) {
            query.setString(1, decision);
            try (java.sql.ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    codes.add(row.getString(1));
                }
            }
        }
        return codes;
    }

    /** Several planning rounds at once, as several replicas would run them. */
    private void planAtOnce(int rounds) throws Exception {
        ExecutorService planners = Executors.newFixedThreadPool(rounds);
        try {
            List<Callable<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                runs.add(planner::planPending);
            }
            for (Future<Integer> run : planners.invokeAll(runs)) {
                run.get();
            }
        } finally {
            planners.shutdown();
        }
    }

    private void addCodes(String campaign, String... codes) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO offer_codes (campaign, code, added_at) VALUES (?, ?, now())")) {
            for (String code : codes) {
                insert.setString(1, campaign);
                insert.setString(2, code);
                insert.executeUpdate();
            }
        }
    }
}
