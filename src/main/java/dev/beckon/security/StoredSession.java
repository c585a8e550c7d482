package dev.beckon.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A console session as the server keeps it; the cookie holds the token whose hash is the key. */
@Entity
@Table(name = "console_sessions")
public class StoredSession extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    public String username;

    public String remote;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** Why it ended: logout, idle, expired, replaced, disabled, password-reset. */
    @Column(name = "end_reason")
    public String endReason;
}
