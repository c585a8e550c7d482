package dev.beckon.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One line of an escalation's history: who did what, when (a note is a line too). A line that rules
 * should hear of names the event it becomes; {@link EscalationEventRelay} hands it to the pipeline.
 */
@Entity
@Table(name = "escalation_history")
public class EscalationEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "escalation_id")
    public UUID escalationId;

    public Instant at;

    public String actor;

    /** claimed, assigned, noted, priority_changed, resolved, reopened, sla_breached */
    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode details;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "event_submitted_at")
    public Instant eventSubmittedAt;
}
