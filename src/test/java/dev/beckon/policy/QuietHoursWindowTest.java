package dev.beckon.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursWindowTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    @Test
    void lateEveningIsHeldUntilTheNextMorning() {
        assertThat(night.releaseAt(at("2026-11-21T22:15"), PARIS)).isEqualTo(at("2026-11-22T08:00"));
    }

    @Test
    void earlyMorningIsHeldUntilThatSameMorning() {
        assertThat(night.releaseAt(at("2026-11-22T03:00"), PARIS)).isEqualTo(at("2026-11-22T08:00"));
    }

    @Test
    void daytimeAndTheWindowsEndAreNotQuiet() {
        assertThat(night.releaseAt(at("2026-11-22T08:00"), PARIS)).isNull();
        assertThat(night.releaseAt(at("2026-11-22T20:59"), PARIS)).isNull();
    }

    @Test
    void aWindowWithinOneDayHoldsOnlyInsideIt() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertThat(lunch.releaseAt(at("2026-11-22T13:00"), PARIS)).isEqualTo(at("2026-11-22T14:00"));
        assertThat(lunch.releaseAt(at("2026-11-22T11:59"), PARIS)).isNull();
    }

    @Test
    void theReleaseFallsAfterAWindowThatEndsInADaylightSavingGap() {
        QuietHours untilGap = new QuietHours(LocalTime.of(1, 0), LocalTime.of(2, 30));
        // On 2026-03-29 Paris clocks jump from 02:00 to 03:00: 02:30 does not exist that night.
        Instant release = untilGap.releaseAt(at("2026-03-29T01:30"), PARIS);
        assertThat(release).isEqualTo(at("2026-03-29T03:30"));
    }

    private static Instant at(String localParis) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localParis), PARIS).toInstant();
    }
}
