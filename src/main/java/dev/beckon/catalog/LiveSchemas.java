package dev.beckon.catalog;

import dev.beckon.event.EventEnvelope;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.notify.ChangeNotice;
import dev.beckon.platform.notify.ChangeTopic;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The schemas events are checked against, compiled and held in memory: the ingest path asks
 * nothing of the database per event. A registration on this replica swaps the set at once;
 * other replicas read them again when its change notice reaches them, as it commits. Should a
 * notice be missed, {@code beckon.catalog.sync-interval} is the safety net: a replica that finds
 * the number of registered versions changed (versions are only ever added) reads them again.
 */
@ApplicationScoped
public class LiveSchemas {

    private static final Logger LOG = Logger.getLogger(LiveSchemas.class);

    @Inject
    SchemaStore store;
    @Inject
    CatalogConfig config;

    private final AtomicReference<SchemaSet> current = new AtomicReference<>(SchemaSet.EMPTY);

    void onStart(@Observes @Priority(30) StartupEvent event) {
        reload();
    }

    void onChange(@Observes ChangeNotice notice) {
        if (notice.concerns(ChangeTopic.SCHEMAS)) {
            reload();
        }
    }

    @Scheduled(every = "${beckon.catalog.sync-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sync() {
        if (store.count() != current.get().registrations()) {
            reload();
        }
    }

    /**
     * Reads the latest version of every type again, compiling only what changed. The count is read
     * first: a registration landing meanwhile leaves it behind, so the next sync reads again.
     */
    public synchronized void reload() {
        SchemaSet before = current.get();
        long registrations = store.count();
        Map<String, SchemaSet.Compiled> byType = new HashMap<>();
        for (RegisteredSchema latest : store.latestOfEach()) {
            SchemaSet.Compiled known = before.get(latest.type());
            byType.put(latest.type(), known != null && known.registered().version() == latest.version()
                    ? known : SchemaSet.Compiled.of(latest));
        }
        current.set(new SchemaSet(byType, registrations));
        LOG.debugf("Event schemas loaded: %d types", byType.size());
    }

    /** What is wrong with the event by its type's latest schema (see {@link SchemaSet#check}). */
    public List<FieldError> check(EventEnvelope event, String pointer) {
        return current.get().check(event, pointer, config.unknownTypes());
    }

    /** The types with a registered schema. */
    public Set<String> registeredTypes() {
        return current.get().types();
    }

    /** The latest registered version of {@code type}, as events are checked against it now. */
    public Optional<RegisteredSchema> latest(String type) {
        return Optional.ofNullable(current.get().get(type)).map(SchemaSet.Compiled::registered);
    }
}
