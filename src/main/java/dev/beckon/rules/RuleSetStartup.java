package dev.beckon.rules;

import dev.beckon.platform.notify.ChangeNotice;
import dev.beckon.platform.notify.ChangeTopic;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Brings the engine up with the published rule set (installing the starter pack from
 * {@code rules/} on an empty database), and picks up versions published by other replicas: at
 * once when their change notice arrives, and every {@code beckon.rules.sync-interval} as a
 * safety net should a notice be missed.
 */
@ApplicationScoped
public class RuleSetStartup {

    private static final Logger LOG = Logger.getLogger(RuleSetStartup.class);
    static final String STARTER_PACK = "rules/starter-pack.drl";

    @Inject
    RuleSetService ruleSets;

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (ruleSets.installStarterPack(starterPack())) {
            LOG.info("Installed the starter rule pack as rule set version 1");
        }
        ruleSets.syncWithPublished();
    }

    void onChange(@Observes ChangeNotice notice) {
        if (notice.concerns(ChangeTopic.RULES)) {
            ruleSets.syncWithPublished();
        }
    }

    @Scheduled(every = "${beckon.rules.sync-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sync() {
        ruleSets.syncWithPublished();
    }

    static String starterPack() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(STARTER_PACK)) {
            if (in == null) {
                throw new IllegalStateException(STARTER_PACK + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
