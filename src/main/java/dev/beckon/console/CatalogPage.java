package dev.beckon.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.catalog.CatalogOverview;
import dev.beckon.catalog.SchemaRegistration;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * The event catalog: every type registered or seen lately with its volume and the rules that use
 * it; a type's page with its schema, a sample and its versions, and a form for the next version.
 */
@Path("/catalog")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CatalogPage {

    /** What the registration form holds, and why it was refused, when it was. */
    public record SchemaForm(String schema, String sample, String comment, ConsoleProblem problem) {
        static final SchemaForm EMPTY = new SchemaForm("", "", "", null);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalog(String user, ConsoleRoles.Can can, List<CatalogOverview.TypeSummary> types,
                                               String newType, SchemaForm form);

        static native TemplateInstance type(String user, ConsoleRoles.Can can, CatalogOverview.TypeDetail type, SchemaForm form);
    }

    @Inject
    CatalogOverview overview;
    @Inject
    SchemaRegistration registration;
    @Inject
    ObjectMapper json;
    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance catalog() {
        return Templates.catalog(user(), ConsoleRoles.of(identity), overview.types(), "", SchemaForm.EMPTY);
    }

    /** Registers the first version of a type not registered yet (or the next one of any type). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response registerType(@FormParam("type") String type, @FormParam("schema") String schema,
                                 @FormParam("sample") String sample, @FormParam("comment") String comment) {
        String name = type == null ? "" : type.strip();
        try {
            return register(name, schema, sample, comment);
        } catch (ProblemException e) {
            SchemaForm form = new SchemaForm(schema, sample, comment, ConsoleProblem.of(e));
            return Response.status(e.status()).entity(Templates.catalog(user(), ConsoleRoles.of(identity), overview.types(),
                    name, form)).build();
        }
    }

    @GET
    @Path("/{type}")
    public TemplateInstance type(@PathParam("type") String type) {
        CatalogOverview.TypeDetail detail = find(type);
        return Templates.type(user(), ConsoleRoles.of(identity), detail,
                detail.schema() == null ? SchemaForm.EMPTY : new SchemaForm(detail.schema(), "", "", null));
    }

    /** Registers the next version; refused, the form comes back with what was typed and every reason. */
    @POST
    @Path("/{type}/schemas")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response registerVersion(@PathParam("type") String type, @FormParam("schema") String schema,
                                    @FormParam("sample") String sample, @FormParam("comment") String comment) {
        try {
            return register(type, schema, sample, comment);
        } catch (ProblemException e) {
            SchemaForm form = new SchemaForm(schema, sample, comment, ConsoleProblem.of(e));
            CatalogOverview.TypeDetail detail = overview.type(type).orElse(new CatalogOverview.TypeDetail(type, List.of(),
                    null, null, null, List.of(), 0, List.of()));
            return Response.status(e.status()).entity(Templates.type(user(), ConsoleRoles.of(identity), detail, form)).build();
        }
    }

    private Response register(String type, String schema, String sample, String comment) {
        ConsoleRoles.require(ConsoleRoles.canRegisterSchemas(identity));
        registration.register(type, new SchemaRegistration.NewVersion(read("schema", schema), read("sample", sample),
                comment == null || comment.isBlank() ? null : comment.strip()), user());
        return Response.seeOther(URI.create("/catalog/" + type)).build();
    }

    private JsonNode read(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("The " + field + " is not JSON",
                    List.of(new FieldError(field, "is not valid JSON: " + e.getOriginalMessage())));
        }
    }

    private CatalogOverview.TypeDetail find(String type) {
        return overview.type(type).orElseThrow(() -> ProblemException.notFound("No event type " + type + " is registered or was seen"));
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
