package dev.beckon.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An escalation and where it stands: open until someone claims it or is assigned it, then claimed,
 * then resolved with an outcome (and perhaps reopened). The support inbox (dev.beckon.inbox) works it.
 */
@Entity
@Table(name = "escalations")
public class Escalation extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String CLAIMED = "claimed";
    public static final String RESOLVED = "resolved";

    @Id
    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "customer_id")
    public String customerId;

    public String reason;

    public String priority;

    public String queue;

    public String status;

    @Column(name = "opened_at")
    public Instant openedAt;

    /** The console user (or API key) working it; none while open. */
    public String assignee;

    /** How it was resolved (see dev.beckon.inbox.Outcome); none until resolved. */
    public String outcome;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    /** When its service level started running: when it was opened, or last reopened. */
    @Column(name = "sla_started_at")
    public Instant slaStartedAt;

    /** When the SLA watch found it breached; none while its service level still runs. */
    @Column(name = "sla_breached_at")
    public Instant slaBreachedAt;

    public boolean isResolved() {
        return RESOLVED.equals(status);
    }
}
