package dev.beckon.decision;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored decision, for reading back: which rule of which version decided what, for which event. */
@Entity
@Table(name = "decisions")
public class Decision extends PanacheEntityBase {

    @Id
    public UUID id;

    public String kind;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "rule_name")
    public String ruleName;

    @Column(name = "rule_set_version")
    public int ruleSetVersion;

    public String campaign;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode details;

    public DecisionRecord toRecord() {
        DecisionKind decisionKind = switch (kind) {
            case "offer" -> DecisionKind.OFFER;
            case "followup" -> DecisionKind.FOLLOW_UP;
            default -> DecisionKind.ESCALATION;
        };
        return new DecisionRecord(id, decisionKind, customerId, eventId, ruleName, ruleSetVersion, campaign, decidedAt,
                (com.fasterxml.jackson.databind.node.ObjectNode) details);
    }
}
