package dev.beckon.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;

/** A person who signs in to the console; the password is kept as a bcrypt hash. */
@Entity
@Table(name = "console_users")
public class ConsoleUser extends PanacheEntityBase {

    @Id
    public String username;

    @Column(name = "password_hash")
    public String passwordHash;

    /** Comma-separated roles, e.g. "admin" or "marketer,publisher". */
    public String roles;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Set while the user may not sign in. */
    @Column(name = "disabled_at")
    public Instant disabledAt;

    public Set<String> roleSet() {
        return CommaList.of(roles);
    }
}
