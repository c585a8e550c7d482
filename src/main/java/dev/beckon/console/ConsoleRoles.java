package dev.beckon.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.ForbiddenException;
import java.util.List;
import java.util.Set;

/**
 * Who may do what in the console, in one place: pages use {@link #of} to hide the controls a user
 * may not use, and each POST calls {@link #require} so the action itself is refused (403) too.
 * Reading any console page takes one of the roles below ({@link #canRead}, enforced for every
 * console path by {@link ConsoleReaderPolicy}). Roles come from {@code console_users.roles};
 * {@code admin} may do everything.
 */
public final class ConsoleRoles {

    public static final String ADMIN = "admin";
    /** Writes rule text (DRL) and the scenarios that test it. */
    public static final String RULE_DEVELOPER = "rule-developer";
    /** Builds rules in the guided builder (no raw DRL), and backtests them. */
    public static final String MARKETER = "marketer";
    /** Decides which version goes live, and rolls back. */
    public static final String PUBLISHER = "publisher";
    /** Works escalations and reads customer pages. */
    public static final String SUPPORT = "support";
    /** Reads every page but the administration ones, changes nothing. */
    public static final String VIEWER = "viewer";

    /** Every role a console user may hold, in the order the users page lists them. */
    public static final List<String> ALL = List.of(ADMIN, MARKETER, RULE_DEVELOPER, PUBLISHER, SUPPORT, VIEWER);

    /** What the signed-in user may do, for templates. */
    public record Can(boolean editDrl, boolean publish, boolean editScenarios, boolean backtest, boolean tryRules,
                      boolean buildGuided, boolean registerSchemas) {
    }

    private ConsoleRoles() {
    }

    public static Can of(SecurityIdentity identity) {
        return new Can(canEditDrl(identity), canPublish(identity), canEditScenarios(identity), canBacktest(identity),
                canTryRules(identity), canBuildGuided(identity), canRegisterSchemas(identity));
    }

    /** Raw rule text runs inside Beckon: only admins and rule developers write it. */
    public static boolean canEditDrl(SecurityIdentity identity) {
        return has(identity, ADMIN) || has(identity, RULE_DEVELOPER);
    }

    public static boolean canPublish(SecurityIdentity identity) {
        return has(identity, ADMIN) || has(identity, PUBLISHER);
    }

    /** Scenarios gate publishing: those who write the rules and those who publish them keep them. */
    public static boolean canEditScenarios(SecurityIdentity identity) {
        return canEditDrl(identity) || canPublish(identity);
    }

    /** A backtest replays days of history on the server: for those who write or publish rules. */
    public static boolean canBacktest(SecurityIdentity identity) {
        return canEditDrl(identity) || canPublish(identity) || has(identity, MARKETER);
    }

    /** The guided builder writes DRL only through its generator: marketers use it, as do rule developers. */
    public static boolean canBuildGuided(SecurityIdentity identity) {
        return canEditDrl(identity) || has(identity, MARKETER);
    }

    /** Segments are conditions, not code: whoever builds rules (guided or DRL) defines the segments rules use. */
    public static boolean canEditSegments(SecurityIdentity identity) {
        return canBuildGuided(identity);
    }

    /** An event type's schema decides which events get in at all: those who write the rules register it. */
    public static boolean canRegisterSchemas(SecurityIdentity identity) {
        return canEditDrl(identity);
    }

    /** Deny by default: a signed-in user without a known role sees nothing but the sign-in page. */
    public static boolean canRead(SecurityIdentity identity) {
        return ALL.stream().anyMatch(role -> has(identity, role));
    }

    /**
     * Trying a version on one event, or running its scenarios, stores and sends nothing, but it runs
     * rules on the server: for those who work on rules. Viewers change nothing and post nothing.
     */
    public static boolean canTryRules(SecurityIdentity identity) {
        return canBacktest(identity);
    }

    /** Console users, their roles and passwords, and API keys: who gets in at all is for admins. */
    public static boolean canManageAccess(SecurityIdentity identity) {
        return has(identity, ADMIN);
    }

    /** The audit log names people and their addresses: admins read it. */
    public static boolean canReadAudit(SecurityIdentity identity) {
        return has(identity, ADMIN);
    }

    /** What customers read: campaign owners (marketers) and rule developers write message templates. */
    public static boolean canEditMessages(SecurityIdentity identity) {
        return canEditDrl(identity) || has(identity, MARKETER);
    }

    /**
     * A campaign steers what the rules decide under it (its dates, budget, caps and codes): those who
     * may change the rules, in DRL or with the guided builder, may change campaigns.
     */
    public static boolean canEditCampaigns(SecurityIdentity identity) {
        return canBuildGuided(identity);
    }

    /** Sending a dead delivery again reaches a customer or a business system: admins and campaign owners. */
    public static boolean canRedeliver(SecurityIdentity identity) {
        return has(identity, ADMIN) || has(identity, MARKETER);
    }

    /** How often and when customers may be messaged at all (caps, quiet hours): campaign owners and admins. */
    public static boolean canSetMessagingPolicy(SecurityIdentity identity) {
        return has(identity, ADMIN) || has(identity, MARKETER);
    }

    /** Exporting and erasing a customer's data: admins only. */
    public static boolean canManagePrivacy(SecurityIdentity identity) {
        return has(identity, ADMIN);
    }

    /**
     * Webhook sources hold the secrets senders sign with, and their delivery log holds senders' raw
     * payloads (customer data): admins only, for reading as well as changing.
     */
    public static boolean canManageWebhooks(SecurityIdentity identity) {
        return has(identity, ADMIN);
    }

    /** The support inbox shows customers' complaints and changes their escalations: support and admins. */
    public static boolean canWorkEscalations(SecurityIdentity identity) {
        return !identity.isAnonymous() && worksEscalations(identity.getRoles());
    }

    /** Whether a user with these roles may work escalations, e.g. be assigned one. */
    public static boolean worksEscalations(Set<String> roles) {
        return roles.contains(ADMIN) || roles.contains(SUPPORT);
    }

    /** Refuses the request with 403 unless {@code allowed}. */
    public static void require(boolean allowed) {
        if (!allowed) {
            throw new ForbiddenException("Your role does not allow this");
        }
    }

    private static boolean has(SecurityIdentity identity, String role) {
        return !identity.isAnonymous() && identity.hasRole(role);
    }
}
