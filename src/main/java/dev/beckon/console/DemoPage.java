package dev.beckon.console;

import dev.beckon.demo.DemoLoader;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The dashboard's "Load the demo shop" button: admins only, as it registers campaigns and stores events. */
@Path("/demo")
@Blocking
public class DemoPage {

    @Inject
    DemoLoader loader;
    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response load(@FormParam("customers") Integer customers) {
        ConsoleRoles.require(ConsoleRoles.canManageAccess(identity));
        DemoLoader.Loaded loaded = loader.load(customers == null ? 0 : customers);
        return Response.seeOther(URI.create("/?demo=" + loaded.eventsStored())).build();
    }
}
