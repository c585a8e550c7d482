package dev.beckon.campaign.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-03-15T12:30:00Z"), ZoneOffset.UTC);

    @Test
    void datesCoverWholeUtcDaysWithTheLastDayIncluded() {
        ReportPeriod period = ReportPeriod.parse("2026-02-01", "2026-02-28", NOW);

        assertThat(period.from()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(period.to()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(period.days()).hasSize(28).startsWith(LocalDate.parse("2026-02-01")).endsWith(LocalDate.parse("2026-02-28"));
    }

    @Test
    void instantsAreTakenAsTheyAreWithTheEndLeftOut() {
        ReportPeriod period = ReportPeriod.parse("2026-02-01T06:00:00Z", "2026-02-02T06:00:00Z", NOW);

        assertThat(period.to()).isEqualTo("2026-02-02T06:00:00Z");
        assertThat(period.days()).containsExactly(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-02"));
    }

    @Test
    void leftOutThePeriodIsTheLast30DaysUpToNow() {
        ReportPeriod period = ReportPeriod.parse(null, " ", NOW);

        assertThat(period.to()).isEqualTo(NOW.instant());
        assertThat(period.from()).isEqualTo("2026-02-13T12:30:00Z");
    }

    @Test
    void eachParameterThatIsNotADateIsNamed() {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> ReportPeriod.parse("yesterday", "2026-13-01", NOW));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("from", "to");
    }

    @Test
    void aPeriodMustRunForwardAndAtMostAYearAndADay() {
        assertThat(field(() -> ReportPeriod.parse("2026-02-10", "2026-02-09", NOW))).isEqualTo("to");
        assertThat(field(() -> ReportPeriod.parse("2026-04-01", null, NOW))).isEqualTo("from");
        assertThat(field(() -> ReportPeriod.parse("2024-01-01", "2025-01-01", NOW))).isEqualTo("to");
        assertThat(ReportPeriod.parse("2024-01-01", "2024-12-31", NOW).days()).hasSize(366);
    }

    private static String field(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(ProblemException.class, call).errors().get(0).field();
    }
}
