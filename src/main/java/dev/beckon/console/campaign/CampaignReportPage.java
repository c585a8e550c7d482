package dev.beckon.console.campaign;

import dev.beckon.campaign.Campaign;
import dev.beckon.campaign.Campaigns;
import dev.beckon.campaign.report.CampaignDecisionsResource;
import dev.beckon.campaign.report.CampaignReport;
import dev.beckon.campaign.report.CampaignReports;
import dev.beckon.campaign.report.DecisionExport;
import dev.beckon.campaign.report.ReportPeriod;
import dev.beckon.console.ConsoleProblem;
import dev.beckon.platform.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A campaign's report for people: the period to look at, the two groups side by side, the uplift
 * and charts of both. Reading it changes nothing, so every console role may (the console's reader
 * policy already requires one).
 */
@Path("/campaigns/{name}/report")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CampaignReportPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(String user, String campaign, String from, String to, ConsoleProblem problem,
                                              CampaignReport report, ReportFigures figures, RateChart rates,
                                              DailyChart daily);
    }

    @Inject
    Campaigns campaigns;
    @Inject
    CampaignReports reports;
    @Inject
    DecisionExport export;
    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;

    /** The report over the dates picked; a period that is not valid is shown on the page, with the form to fix it. */
    @GET
    public Response report(@PathParam("name") String name, @QueryParam("from") String from, @QueryParam("to") String to) {
        Campaign campaign = campaign(name);
        String user = identity.getPrincipal().getName();
        ReportPeriod period;
        try {
            period = ReportPeriod.parse(from, to, clock);
        } catch (ProblemException e) {
            return Response.status(e.status())
                    .entity(Templates.report(user, campaign.name, from, to, ConsoleProblem.of(e), null, null, null, null))
                    .build();
        }
        CampaignReport report = reports.report(campaign, period);
        return Response.ok(Templates.report(user, campaign.name, day(period.from()), lastDay(period.to()), null, report,
                ReportFigures.of(report), report.measured() ? RateChart.of(report.treatment(), report.holdout()) : null,
                DailyChart.of(report.days(), report.measured()))).build();
    }

    /**
     * The report's decisions as a CSV download, over the same period: whoever may read the report
     * may take its rows, which hold what each customer's page shows of them.
     */
    @GET
    @Path("decisions.csv")
    @Produces(CampaignDecisionsResource.CSV)
    public Response decisions(@PathParam("name") String name, @QueryParam("from") String from,
                              @QueryParam("to") String to) {
        campaign(name);
        return CampaignDecisionsResource.download(export.csv(name, from, to));
    }

    private Campaign campaign(String name) {
        try {
            return campaigns.get(name);
        } catch (ProblemException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** The date picker's "to" includes its day: the period's exclusive end is shown as the day before it ends. */
    private static String lastDay(Instant end) {
        return day(end.minusNanos(1));
    }
}
