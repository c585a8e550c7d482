package dev.beckon.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionBatchTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void aCancellingEventClosesOnlyThatCustomersMatchingStoredFollowUps() {
        FollowUpPlan mine = plan("c-1", "abandoned-cart", "order.completed");
        FollowUpPlan otherCampaign = plan("c-1", "welcome", "customer.verified");
        FollowUpPlan someoneElse = plan("c-2", "abandoned-cart", "order.completed");
        DecisionBatch batch = new DecisionBatch(List.of(mine, otherCampaign, someoneElse));

        batch.eventArrived("c-1", "order.completed", "e-1");

        assertThat(batch.closedStoredFollowUps()).containsOnlyKeys(mine.decisionId());
        assertThat(batch.closedStoredFollowUps().get(mine.decisionId()))
                .isEqualTo(new DecisionBatch.Closing("cancelled", "e-1"));
    }

    @Test
    void aNewFollowUpSupersedesThePendingOneOfItsCampaignAndALaterEventCancelsTheNewOne() {
        FollowUpPlan stored = plan("c-1", "abandoned-cart", "order.completed");
        DecisionBatch batch = new DecisionBatch(List.of(stored));
        FollowUpPlan fresh = plan("c-1", "abandoned-cart", "order.completed");

        batch.eventArrived("c-1", "cart.updated", "e-1");
        batch.followUp(record(fresh, "e-1"), fresh);
        batch.eventArrived("c-1", "order.completed", "e-2");

        assertThat(batch.closedStoredFollowUps().get(stored.decisionId()))
                .isEqualTo(new DecisionBatch.Closing("superseded", "e-1"));
        assertThat(batch.closing(fresh.decisionId())).isEqualTo(new DecisionBatch.Closing("cancelled", "e-2"));
    }

    @Test
    void anEventDoesNotCancelTheFollowUpItCreates() {
        DecisionBatch batch = new DecisionBatch(List.of());
        FollowUpPlan fresh = plan("c-1", "nudge", "cart.updated");

        batch.eventArrived("c-1", "cart.updated", "e-1");
        batch.followUp(record(fresh, "e-1"), fresh);

        assertThat(batch.closing(fresh.decisionId())).isNull();
    }

    private static FollowUpPlan plan(String customer, String campaign, String cancelOn) {
        return new FollowUpPlan(UUID.randomUUID(), customer, campaign, NOW, "hi", Set.of(cancelOn), null);
    }

    private static DecisionRecord record(FollowUpPlan plan, String eventId) {
        return new DecisionRecord(plan.decisionId(), DecisionKind.FOLLOW_UP, plan.customerId(), eventId, "rule", 1,
                plan.campaign(), NOW, JsonNodeFactory.instance.objectNode());
    }
}
