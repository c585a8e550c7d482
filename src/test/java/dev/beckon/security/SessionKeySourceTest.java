package dev.beckon.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionKeySourceTest {

    private final SessionKeySource source = new SessionKeySource();

    @Test
    void withoutBeckonSessionKeyTheKeyIsRandomLongEnoughAndTheSameForTheWholeProcess() {
        String key = source.getValue(SessionKeySource.PROPERTY);
        String configured = System.getenv("BECKON_SESSION_KEY");
        if (configured == null || configured.isBlank()) {
            assertThat(key).hasSizeGreaterThanOrEqualTo(32);
        } else {
            assertThat(key).isEqualTo(configured);
        }
        assertThat(new SessionKeySource().getValue(SessionKeySource.PROPERTY)).isEqualTo(key);
    }

    @Test
    void itAnswersForTheSessionKeyOnlyAndBelowTheApplicationsOwnSettings() {
        assertThat(source.getValue("quarkus.http.port")).isNull();
        assertThat(source.getPropertyNames()).containsExactly(SessionKeySource.PROPERTY);
        assertThat(source.getOrdinal()).isLessThan(250);
    }
}
