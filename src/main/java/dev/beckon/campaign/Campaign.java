package dev.beckon.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A campaign: the name rules decide under, what it is for, when it runs, and whether it runs. */
@Entity
@Table(name = "campaigns")
public class Campaign extends PanacheEntityBase {

    @Id
    public String name;

    public String goal;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    /** The share of customers kept as a control group, 0 to 100. */
    @Column(name = "holdout_percent")
    public java.math.BigDecimal holdoutPercent;

    /** The campaign's {@link CampaignSettings}, as JSON. */
    public String settings;

    /** {@code draft}, {@code running}, {@code paused} or {@code ended}. */
    public String status;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public CampaignSettings settings() {
        return CampaignSettings.fromJson(settings);
    }

    /**
     * Whether the customer is in this campaign's control group. The hash of campaign and customer
     * puts each customer in the same group every time, and a customer's groups in different
     * campaigns independently of each other.
     */
    public boolean holdsOut(String customerId) {
        return Holdout.holdsOut(name, customerId, holdoutPercent);
    }

    /** Why this campaign's decisions are not delivered at {@code now}, or null while it is live. */
    public String notLiveBecause(Instant now) {
        switch (status) {
            case "draft":
                return "campaign " + name + " is a draft";
            case "paused":
                return "campaign " + name + " is paused";
            case "ended":
                return "campaign " + name + " has ended";
            default:
                break;
        }
        if (startsAt != null && now.isBefore(startsAt)) {
            return "campaign " + name + " starts at " + startsAt;
        }
        if (endsAt != null && !now.isBefore(endsAt)) {
            return "campaign " + name + " ended at " + endsAt;
        }
        return null;
    }
}
