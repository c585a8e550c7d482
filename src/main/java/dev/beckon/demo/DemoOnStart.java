package dev.beckon.demo;

import dev.beckon.rules.ActiveRules;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * With {@code beckon.demo.load-on-start=true}, loads the demo shop once Beckon is up, so a first
 * start shows campaigns, reports and the inbox filled. It runs beside start-up, not in it, and
 * loading it again on a later start adds nothing.
 */
@ApplicationScoped
public class DemoOnStart {

    private static final Logger LOG = Logger.getLogger(DemoOnStart.class);

    @ConfigProperty(name = "beckon.demo.load-on-start", defaultValue = "false")
    boolean loadOnStart;
    @Inject
    DemoLoader loader;
    @Inject
    ActiveRules activeRules;
    @Inject
    ManagedExecutor executor;

    // After the starter rules are installed (priority 20): the demo needs rules to decide on its events.
    void onStart(@Observes @Priority(30) StartupEvent event) {
        if (!loadOnStart) {
            return;
        }
        executor.runAsync(() -> {
            try {
                for (int i = 0; i < 60 && activeRules.current().isEmpty(); i++) {
                    Thread.sleep(500);
                }
                loader.load(loader.defaultCustomers());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warnf("The demo shop could not be loaded: %s", e.getMessage());
            }
        });
    }
}
