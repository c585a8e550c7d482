package dev.beckon.campaign;

import dev.beckon.audit.AuditLog;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creating and steering campaigns, for the API (and the console to come); every change is audited. */
@ApplicationScoped
@Transactional
public class Campaigns {

    static final Set<String> STATUSES = Set.of("draft", "running", "paused", "ended");

    /** A campaign as created or changed: its name (as rules use it), goal, dates and status (draft when left out). */
    public record Draft(String name, String goal, Instant startsAt, Instant endsAt, String status,
                        BigDecimal holdoutPercent, CampaignSettings settings) {
    }

    /** The control group a campaign keeps unless told otherwise. */
    static final BigDecimal DEFAULT_HOLDOUT = BigDecimal.TEN;

    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public List<Campaign> list() {
        return Campaign.list("order by name");
    }

    public Campaign get(String name) {
        Campaign campaign = Campaign.findById(name);
        if (campaign == null) {
            throw ProblemException.notFound("No campaign " + name);
        }
        return campaign;
    }

    public Campaign create(Draft draft) {
        validate(draft, true);
        if (Campaign.findById(draft.name()) != null) {
            throw ProblemException.conflict("A campaign named " + draft.name() + " exists already");
        }
        Campaign campaign = new Campaign();
        campaign.name = draft.name();
        campaign.createdBy = audit.actor();
        campaign.createdAt = clock.instant();
        apply(campaign, draft);
        campaign.persist();
        audit.record("campaign.created", "campaign:" + campaign.name, Map.of("status", campaign.status));
        return campaign;
    }

    public Campaign update(String name, Draft draft) {
        validate(draft, false);
        Campaign campaign = get(name);
        apply(campaign, draft);
        audit.record("campaign.updated", "campaign:" + name, Map.of("status", campaign.status));
        return campaign;
    }

    /** Moves a campaign to {@code status}; an ended campaign stays ended. */
    public Campaign setStatus(String name, String status) {
        Campaign campaign = get(name);
        if ("ended".equals(campaign.status) && !"ended".equals(status)) {
            throw ProblemException.conflict("Campaign " + name + " has ended; make a new one to run it again");
        }
        campaign.status = status;
        campaign.updatedAt = clock.instant();
        audit.record("campaign." + status, "campaign:" + name, Map.of());
        return campaign;
    }

    private void apply(Campaign campaign, Draft draft) {
        campaign.goal = draft.goal();
        campaign.startsAt = draft.startsAt();
        campaign.endsAt = draft.endsAt();
        campaign.status = draft.status() == null ? "draft" : draft.status();
        campaign.holdoutPercent = draft.holdoutPercent() == null ? DEFAULT_HOLDOUT : draft.holdoutPercent();
        campaign.settings = (draft.settings() == null ? CampaignSettings.NONE : draft.settings()).toJson();
        campaign.updatedAt = clock.instant();
    }

    private static void validate(Draft draft, boolean named) {
        List<FieldError> errors = new ArrayList<>();
        if (draft == null) {
            throw ProblemException.badRequest("The campaign is missing", List.of(new FieldError("name", "is required")));
        }
        if (named && !CampaignNames.isValid(draft.name())) {
            errors.add(new FieldError("name", "must be " + CampaignNames.RULE + ", as rules name it"));
        }
        if (draft.status() != null && !STATUSES.contains(draft.status())) {
            errors.add(new FieldError("status", "must be one of " + STATUSES));
        }
        if (draft.holdoutPercent() != null && (draft.holdoutPercent().signum() < 0
                || draft.holdoutPercent().compareTo(BigDecimal.valueOf(100)) > 0 || draft.holdoutPercent().scale() > 2)) {
            errors.add(new FieldError("holdoutPercent", "must be between 0 and 100, with at most two decimals"));
        }
        if (draft.startsAt() != null && draft.endsAt() != null && !draft.endsAt().isAfter(draft.startsAt())) {
            errors.add(new FieldError("endsAt", "must be after startsAt"));
        }
        if (draft.settings() != null) {
            draft.settings().problems(errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The campaign is not valid", errors);
        }
    }
}
