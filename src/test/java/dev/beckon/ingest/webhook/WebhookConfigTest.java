package dev.beckon.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookConfigTest {

    @Test
    void aZeroRetentionKeepsNoPayloadsAtAll() {
        assertThat(retention(Duration.ZERO).keepsPayloads()).isFalse();
        assertThat(retention(Duration.ofDays(7)).keepsPayloads()).isTrue();
    }

    private static WebhookConfig retention(Duration retention) {
        return new WebhookConfig() {
            @Override
            public Duration payloadRetention() {
                return retention;
            }

            @Override
            public String purgeInterval() {
                return "1h";
            }
        };
    }
}
