package dev.beckon.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an API key may do. A key's scopes become the roles of its identity, and each API endpoint
 * names the one it needs with {@code @RolesAllowed}. The scopes are independent ({@code rules:write}
 * does not include {@code read}) except {@link #ADMIN}, which holds them all.
 */
public final class ApiScopes {

    /** Read everything under /api (except the audit log and API keys), /q/metrics and /q/openapi. */
    public static final String READ = "read";
    /** Send events, replay dead letters, record a customer's consent: what shops, CRMs and POS systems do. */
    public static final String EVENTS_WRITE = "events:write";
    /** Drafts, checks and dry runs of rule sets, scenarios, guided rules, backtests, event schemas, email templates. */
    public static final String RULES_WRITE = "rules:write";
    /** Publish a rule set version, or roll back to one. */
    public static final String RULES_PUBLISH = "rules:publish";
    /** Work escalations: claim, assign, note, change priority, resolve, reopen (a helpdesk's integration). */
    public static final String ESCALATIONS_WRITE = "escalations:write";
    /** Everything: webhook sources and endpoints and their secrets, redelivery, the audit log, API keys. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(READ, EVENTS_WRITE, RULES_WRITE, RULES_PUBLISH, ESCALATIONS_WRITE, ADMIN);

    private ApiScopes() {
    }

    /** The roles an identity with these scopes holds: the scopes themselves, and all of them for admin. */
    public static Set<String> roles(Set<String> scopes) {
        return scopes.contains(ADMIN) ? new LinkedHashSet<>(ALL) : new LinkedHashSet<>(scopes);
    }

    /** Only known scopes, so a typing mistake is refused rather than quietly granting nothing. */
    public static boolean known(String scope) {
        return ALL.contains(scope);
    }
}
