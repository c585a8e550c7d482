package dev.beckon.rules;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of the rule set. Versions are never edited: a change is a new draft. */
@Entity
@Table(name = "rule_sets")
public class RuleSet extends PanacheEntityBase {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String ARCHIVED = "archived";

    @Id
    public Integer version;

    public String status;

    public String drl;

    public String comment;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The guided rules in this version, as their authors defined them (their DRL is in {@link #drl}). */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode guided;

    /** Why this version went live (required when publishing). */
    @Column(name = "publish_comment")
    public String publishComment;
}
