package dev.beckon.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored event, for reading back. Events are written by {@link EventStore} and never changed. */
@Entity
@Table(name = "events")
public class StoredEvent extends PanacheEntityBase {

    @Id
    public String id;

    public String type;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    public String source;

    @Column(name = "correlation_id")
    public String correlationId;

    public String channel;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode data;
}
