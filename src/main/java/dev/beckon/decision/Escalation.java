package dev.beckon.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An escalation's state, for reading back; it is open until someone works it. */
@Entity
@Table(name = "escalations")
public class Escalation extends PanacheEntityBase {

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
}
