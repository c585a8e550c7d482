package dev.beckon.console.segments;

import dev.beckon.console.ConsoleProblem;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.platform.ProblemException;
import dev.beckon.segment.Segment;
import dev.beckon.segment.SegmentDefinition;
import dev.beckon.segment.Segments;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * Segments in the console: the list with member counts and a form for a new one, and a page per
 * segment with its conditions (editable by those who build rules) and its newest members.
 */
@Path("/segments")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class SegmentsPage {

    static final int MEMBERS_SHOWN = 100;

    /** What the condition rows offer. */
    public record Choices(List<String> profileFields, List<String> ops) {
        static Choices all() {
            return new Choices(SegmentDefinition.profileFields(), SegmentDefinition.ops());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance segments(String user, List<Segment> segments, boolean canEdit, SegmentForm form,
                                                Choices choices);

        static native TemplateInstance segment(String user, Segment segment, SegmentForm form, List<Segments.Member> members,
                                               boolean canEdit, Choices choices, String notice);
    }

    @Inject
    Segments segments;
    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance list() {
        return Templates.segments(user(), segments.list(), canEdit(), SegmentForm.empty(), Choices.all());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> posted) {
        ConsoleRoles.require(canEdit());
        SegmentForm form = SegmentForm.posted(posted);
        try {
            Segment segment = segments.create(form.draft());
            return Response.seeOther(URI.create("/segments/" + segment.name + "?saved=true")).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(Templates.segments(user(), segments.list(), true,
                    form.refused(ConsoleProblem.of(e)), Choices.all())).build();
        }
    }

    @GET
    @Path("/{name}")
    public TemplateInstance segment(@PathParam("name") String name, @QueryParam("saved") boolean saved,
                                    @QueryParam("refreshed") boolean refreshed) {
        Segment segment = segments.get(name);
        String notice = saved ? "Saved. Every customer was evaluated." : refreshed ? "Every customer was evaluated again." : null;
        return page(segment, SegmentForm.of(name, segment.description, segments.definitionOf(segment).conditions()), notice);
    }

    @POST
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("name") String name, MultivaluedMap<String, String> posted) {
        ConsoleRoles.require(canEdit());
        SegmentForm form = SegmentForm.posted(posted);
        try {
            segments.update(name, form.draft());
            return Response.seeOther(URI.create("/segments/" + name + "?saved=true")).build();
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(page(segments.get(name), form.refused(ConsoleProblem.of(e)), null)).build();
        }
    }

    @POST
    @Path("/{name}/refresh")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refresh(@PathParam("name") String name) {
        ConsoleRoles.require(canEdit());
        segments.refresh(name);
        return Response.seeOther(URI.create("/segments/" + name + "?refreshed=true")).build();
    }

    @POST
    @Path("/{name}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("name") String name) {
        ConsoleRoles.require(canEdit());
        segments.delete(name);
        return Response.seeOther(URI.create("/segments")).build();
    }

    private TemplateInstance page(Segment segment, SegmentForm form, String notice) {
        return Templates.segment(user(), segment, form, segments.members(segment.name, MEMBERS_SHOWN), canEdit(),
                Choices.all(), notice);
    }

    private boolean canEdit() {
        return ConsoleRoles.canEditSegments(identity);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
