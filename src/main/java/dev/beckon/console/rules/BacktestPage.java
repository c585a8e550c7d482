package dev.beckon.console.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.console.ConsoleProblem;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.rules.backtest.Backtest;
import dev.beckon.rules.backtest.BacktestService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Backtests: start one from a version's page, watch it run, cancel it, and read what it found. */
@Path("/backtests")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class BacktestPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance backtests(String user, List<BacktestView> backtests, ConsoleProblem problem);

        static native TemplateInstance backtest(String user, ConsoleRoles.Can can, BacktestView bt);

        static native TemplateInstance backtest$progress(ConsoleRoles.Can can, BacktestView bt);
    }

    @Inject
    BacktestService backtests;
    @Inject
    ObjectMapper json;
    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;

    @GET
    public TemplateInstance list() {
        return page(null);
    }

    /**
     * Starts a backtest of {@code version} against the live version over whole days (UTC), {@code to}
     * included, and goes to its page. A refused period is shown on the list of backtests.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@FormParam("version") Integer version, @FormParam("from") String from,
                          @FormParam("to") String to) {
        ConsoleRoles.require(ConsoleRoles.canBacktest(identity));
        try {
            if (version == null) {
                throw ProblemException.badRequest("Say which version to backtest",
                        List.of(new FieldError("version", "is required")));
            }
            Instant now = clock.instant();
            Instant begin = day(from, "from");
            Instant end = day(to, "to").plusSeconds(86_400);
            Backtest started = backtests.start(version, null, begin, end.isAfter(now) && begin.isBefore(now) ? now : end);
            return Response.seeOther(URI.create("/backtests/" + started.id)).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(page(ConsoleProblem.of(e))).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance backtest(@PathParam("id") long id) {
        return Templates.backtest(identity.getPrincipal().getName(), ConsoleRoles.of(identity), view(id));
    }

    /** The part of the page that changes while it runs; htmx asks for it every second until the run ends. */
    @GET
    @Path("/{id}/progress")
    public TemplateInstance progress(@PathParam("id") long id) {
        return Templates.backtest$progress(ConsoleRoles.of(identity), view(id));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id) {
        ConsoleRoles.require(ConsoleRoles.canBacktest(identity));
        try {
            backtests.cancel(id);
        } catch (ProblemException e) {
            if (e.status() != 409) { // it ended meanwhile: its page says how
                throw e;
            }
        }
        return Response.seeOther(URI.create("/backtests/" + id)).build();
    }

    private TemplateInstance page(ConsoleProblem problem) {
        List<BacktestView> recent = backtests.recent().stream().map(b -> BacktestView.of(b, json)).toList();
        return Templates.backtests(identity.getPrincipal().getName(), recent, problem);
    }

    private BacktestView view(long id) {
        try {
            return BacktestView.of(backtests.get(id), json);
        } catch (ProblemException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    private static Instant day(String date, String field) {
        try {
            return LocalDate.parse(date == null ? "" : date.strip()).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("The period is not valid",
                    List.of(new FieldError(field, "must be a date such as 2026-11-14")));
        }
    }
}
