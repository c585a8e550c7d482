package dev.beckon.catalog;

import com.networknt.schema.Schema;
import dev.beckon.event.EventEnvelope;
import dev.beckon.platform.FieldError;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The latest schema of every registered type, compiled; immutable, so ingest threads share it without locks. */
public final class SchemaSet {

    /** One type's latest version, ready to validate. */
    public record Compiled(RegisteredSchema registered, Schema validator) {

        static Compiled of(RegisteredSchema registered) {
            return new Compiled(registered, SchemaCompiler.compile(registered.schema()));
        }
    }

    static final SchemaSet EMPTY = new SchemaSet(Map.of(), 0);

    private final Map<String, Compiled> byType;
    private final long registrations;

    SchemaSet(Map<String, Compiled> byType, long registrations) {
        this.byType = Map.copyOf(byType);
        this.registrations = registrations;
    }

    /**
     * What is wrong with the event by its type's latest schema, each field a JSON pointer starting
     * with {@code pointer} (the event's place in the request body); empty when it passes.
     */
    public List<FieldError> check(EventEnvelope event, String pointer, CatalogConfig.UnknownTypes unknownTypes) {
        Compiled compiled = byType.get(event.type());
        if (compiled == null) {
            return unknownTypes == CatalogConfig.UnknownTypes.refuse
                    ? List.of(new FieldError(pointer + "/type", "is not a registered event type, and unknown types are refused"))
                    : List.of();
        }
        return SchemaCompiler.validate(compiled.validator(), event.data(), pointer + "/data");
    }

    Set<String> types() {
        return byType.keySet();
    }

    Compiled get(String type) {
        return byType.get(type);
    }

    long registrations() {
        return registrations;
    }
}
