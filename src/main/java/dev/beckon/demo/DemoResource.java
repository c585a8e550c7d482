package dev.beckon.demo;

import dev.beckon.security.ApiScopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Loads the demo shop: for an admin key, since it registers campaigns and stores thousands of events. */
@RolesAllowed(ApiScopes.ADMIN)
@Path("/api/demo")
@Produces(MediaType.APPLICATION_JSON)
public class DemoResource {

    @Inject
    DemoLoader loader;

    /** How big a shop to make up: {@code {"customers": 1500}}. */
    public record Request(Integer customers) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public DemoLoader.Loaded load(Request request) {
        return loader.load(request == null || request.customers() == null ? 0 : request.customers());
    }
}
