package dev.beckon.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.ForbiddenException;
import java.util.Set;

/**
 * Who may do what in the console, in one place: pages use {@link #of} to hide the controls a user
 * may not use, and each POST calls {@link #require} so the action itself is refused (403) too.
 * Roles come from {@code console_users.roles}; {@code admin} may do everything.
 */
public final class ConsoleRoles {

    public static final String ADMIN = "admin";
    /** Writes rule text (DRL) and the scenarios that test it. */
    public static final String RULE_DEVELOPER = "rule-developer";
    /** Builds rules in the guided builder (no raw DRL), and backtests them. */
    public static final String MARKETER = "marketer";
    /** Decides which version goes live, and rolls back. */
    public static final String PUBLISHER = "publisher";
    /** Works the support inbox: claims, notes and resolves escalations. */
    public static final String SUPPORT = "support";

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

    /** An event type's schema decides which events get in at all: those who write the rules register it. */
    public static boolean canRegisterSchemas(SecurityIdentity identity) {
        return canEditDrl(identity);
    }

    /** Trying a version on one event, or running its scenarios, stores and sends nothing: any console user. */
    public static boolean canTryRules(SecurityIdentity identity) {
        return !identity.isAnonymous();
    }

    /** What customers read: campaign owners (marketers) and rule developers write message templates. */
    public static boolean canEditMessages(SecurityIdentity identity) {
        return canEditDrl(identity) || has(identity, MARKETER);
    }

    /** Sending a dead delivery again reaches a customer or a business system: admins and campaign owners. */
    public static boolean canRedeliver(SecurityIdentity identity) {
        return has(identity, ADMIN) || has(identity, MARKETER);
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
