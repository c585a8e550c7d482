package dev.beckon.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A segment: its name (as rules and campaigns use it), its definition, and how fresh its stored members are. */
@Entity
@Table(name = "segments")
public class Segment extends PanacheEntityBase {

    @Id
    public String name;

    public String description;

    /** A {@link SegmentDefinition} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode definition;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When every customer was last evaluated. */
    @Column(name = "refreshed_at")
    public Instant refreshedAt;

    /** Events received up to here are reflected in the members. */
    @Column(name = "evaluated_through")
    public Instant evaluatedThrough;

    @Column(name = "member_count")
    public int memberCount;
}
