package dev.beckon.profile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A customer's profile, for reading back; kept up to date by the ingest pipeline through {@link ProfileStore}. */
@Entity
@Table(name = "customer_profiles")
public class CustomerProfile extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "first_seen_at")
    public Instant firstSeenAt;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "event_count")
    public long eventCount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_counts")
    public Map<String, Long> eventCounts;

    @Column(name = "lifetime_spend")
    public BigDecimal lifetimeSpend;

    @Column(name = "order_count")
    public int orderCount;

    @Column(name = "open_cart_value")
    public BigDecimal openCartValue;

    public String currency;

    @Column(name = "payment_count")
    public int paymentCount;

    @Column(name = "payment_total")
    public BigDecimal paymentTotal;

    @JdbcTypeCode(SqlTypes.JSON)
    public Set<String> countries;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
