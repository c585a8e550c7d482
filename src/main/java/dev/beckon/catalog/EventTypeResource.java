package dev.beckon.catalog;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Event types seen lately and the fields their data carries. */
@Path("/api/event-types")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class EventTypeResource {

    @Inject
    EventTypeCatalog catalog;

    @GET
    public List<EventTypeCatalog.EventType> recent() {
        return catalog.recentTypes();
    }

    @GET
    @Path("/{type}/fields")
    public List<EventTypeCatalog.Field> fields(@PathParam("type") String type) {
        return catalog.fieldsOf(type);
    }
}
