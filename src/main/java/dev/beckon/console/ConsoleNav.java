package dev.beckon.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Which main navigation links the signed-in user sees, for the base layout: {@code {inject:consoleNav.webhooks}}. */
@Named("consoleNav")
@RequestScoped
public class ConsoleNav {

    @Inject
    SecurityIdentity identity;

    public boolean webhooks() {
        return ConsoleRoles.canManageWebhooks(identity);
    }

    public boolean privacy() {
        return ConsoleRoles.canManagePrivacy(identity);
    }

    public boolean inbox() {
        return ConsoleRoles.canWorkEscalations(identity);
    }

    /** Users, API keys and the audit log. */
    public boolean access() {
        return ConsoleRoles.canManageAccess(identity);
    }
}
