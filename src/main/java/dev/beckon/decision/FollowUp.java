package dev.beckon.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A follow-up's state, for reading back: pending, fired, cancelled (by an event) or superseded (by a newer one). */
@Entity
@Table(name = "follow_ups")
public class FollowUp extends PanacheEntityBase {

    @Id
    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "customer_id")
    public String customerId;

    public String campaign;

    @Column(name = "due_at")
    public Instant dueAt;

    public String message;

    public String status;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by_event")
    public String closedByEvent;
}
