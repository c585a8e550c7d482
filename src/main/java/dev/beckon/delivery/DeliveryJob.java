package dev.beckon.delivery;

import java.time.Instant;
import java.util.UUID;

/** A delivery claimed for one attempt, held by this replica until {@code leaseUntil}. */
public record DeliveryJob(long id, UUID decisionId, String messageType, String channel, String target, String payload,
                          int attempt, Instant retrySince, Instant leaseUntil) {
}
