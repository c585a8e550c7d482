package dev.beckon.console;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HTTP permission of every console path ({@code policy=console-reader} in application.properties):
 * a request passes when its user may read the console at all ({@link ConsoleRoles#canRead}). A
 * signed-out request is sent to the sign-in page, a signed-in user without a role gets 403. What
 * a reader may change is decided by each action through {@link ConsoleRoles#require}.
 */
@ApplicationScoped
public class ConsoleReaderPolicy implements HttpSecurityPolicy {

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext requestContext) {
        return identity.map(id -> ConsoleRoles.canRead(id) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return "console-reader";
    }
}
