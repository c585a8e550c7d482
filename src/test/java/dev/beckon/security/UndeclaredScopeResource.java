package dev.beckon.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * An API endpoint, present in tests only, that forgets to say which scope it needs, as a new one
 * might: {@link ApiScopeGuard} must refuse it to every key, the admin's included.
 */
@Path("/api/test-only/undeclared-scope")
public class UndeclaredScopeResource {

    @GET
    public String secrets() {
        return "should never be seen";
    }
}
