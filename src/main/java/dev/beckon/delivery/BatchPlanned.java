package dev.beckon.delivery;

import dev.beckon.policy.Verdict;
import java.util.Collection;
import java.util.List;

/** A planning batch's deliveries and verdicts, counted in metrics only once the batch has committed. */
record BatchPlanned(List<PlannedDelivery> deliveries, Collection<Verdict> verdicts) {
}
