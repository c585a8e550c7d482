package dev.beckon.rules.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A backtest run: which versions over which period, how far it got, and what it found. */
@Entity
@Table(name = "backtests")
public class Backtest extends PanacheEntityBase {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String CANCELLED = "cancelled";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "draft_version")
    public int draftVersion;

    @Column(name = "baseline_version")
    public int baselineVersion;

    @Column(name = "period_from")
    public Instant periodFrom;

    @Column(name = "period_to")
    public Instant periodTo;

    public String status;

    public long total;

    public long processed;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode result;

    public String error;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
