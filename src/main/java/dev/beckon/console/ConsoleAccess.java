package dev.beckon.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** What the page frame shows the signed-in user ({@code inject:access} in base.html), e.g. the administration links. */
@Named("access")
@RequestScoped
public class ConsoleAccess {

    @Inject
    SecurityIdentity identity;

    public boolean admin() {
        return ConsoleRoles.canManageAccess(identity);
    }
}
