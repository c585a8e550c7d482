package dev.beckon.ingest.deadletter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message that could not be processed: what it was, why it failed, and whether it was replayed since. */
@Entity
@Table(name = "dead_letters")
public class DeadLetter extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String REPLAYED = "replayed";

    @Id
    public Long id;

    @Column(name = "message_key")
    public String messageKey;

    public String channel;

    public String payload;

    public String reason;

    public int failures;

    @Column(name = "first_failed_at")
    public Instant firstFailedAt;

    @Column(name = "last_failed_at")
    public Instant lastFailedAt;

    public String status;

    @Column(name = "replayed_at")
    public Instant replayedAt;
}
