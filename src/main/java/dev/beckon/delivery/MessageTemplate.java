package dev.beckon.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The email a campaign sends: a subject, an HTML body and a plain-text body, each a Qute template. */
@Entity
@Table(name = "message_templates")
public class MessageTemplate extends PanacheEntityBase {

    /** Campaigns without a template of their own use this one. */
    public static final String DEFAULT = "*";

    @Id
    public String campaign;

    public String subject;

    public String html;

    public String text;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The campaign's own template, or the default one. */
    public static MessageTemplate forCampaign(String campaign) {
        MessageTemplate own = campaign == null ? null : findById(campaign);
        return own != null ? own : findById(DEFAULT);
    }
}
