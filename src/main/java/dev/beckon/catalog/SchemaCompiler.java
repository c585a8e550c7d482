package dev.beckon.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.beckon.platform.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a registered JSON Schema into a validator, with networknt's json-schema-validator:
 * drafts 4 to 2020-12 (2020-12 when the schema names no {@code $schema}). Remote {@code $ref}s
 * are never fetched: a schema registered over the API must not make Beckon call other hosts.
 */
public final class SchemaCompiler {

    private static final Set<String> REFERENCES = Set.of("$ref", "$dynamicRef", "$recursiveRef");
    static final String DEFAULT_DIALECT = SpecificationVersion.DRAFT_2020_12.getDialectId();
    private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .locale(Locale.ENGLISH).pathType(PathType.JSON_POINTER).build();

    private SchemaCompiler() {
    }

    /**
     * Everything wrong with {@code schema} as a schema for event data, each error's field a JSON
     * pointer into it (prefixed {@code schema}); empty when it compiles.
     */
    public static List<FieldError> problems(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return List.of(new FieldError("schema", "must be a JSON Schema object"));
        }
        if (!"object".equals(schema.path("type").asText())) {
            // Event data is always an object; its properties are what the catalog and the builder list.
            return List.of(new FieldError("schema/type", "must be \"object\": a schema describes an event's data object"));
        }
        String dialect = schema.path("$schema").asText(DEFAULT_DIALECT);
        List<FieldError> problems = new ArrayList<>();
        try {
            for (Error error : registry().getSchema(SchemaLocation.of(dialect)).validate(schema)) {
                problems.add(new FieldError("schema" + error.getInstanceLocation(), error.getMessage()));
            }
        } catch (SchemaException | IllegalArgumentException e) {
            return List.of(new FieldError("schema/$schema", "names a dialect Beckon does not know: " + dialect));
        }
        if (problems.isEmpty()) {
            references(schema, schema, "schema", problems);
        }
        if (problems.isEmpty()) {
            try {
                compile(schema);
            } catch (SchemaException e) {
                problems.add(new FieldError("schema", "does not compile: " + rootMessage(e)));
            }
        }
        return problems;
    }

    /**
     * The validator resolves references lazily, while it validates an event: a reference that
     * does not resolve would fail there, so each is checked here. Only pointers into the schema
     * itself are allowed; anything else would be a file or a host Beckon must not read.
     */
    private static void references(JsonNode root, JsonNode node, String pointer, List<FieldError> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            JsonNode value = field.getValue();
            if (REFERENCES.contains(field.getKey()) && value.isTextual()) {
                String ref = value.asText();
                if (!ref.equals("#") && !ref.startsWith("#/")) {
                    problems.add(new FieldError(at, "must point into this schema (\"#/$defs/...\"): other documents are not read"));
                } else if (root.at(ref.substring(1)).isMissingNode()) {
                    problems.add(new FieldError(at, "points at nothing in this schema: " + ref));
                }
            } else if (value.isContainerNode()) {
                if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        references(root, value.get(i), at + "/" + i, problems);
                    }
                } else {
                    references(root, value, at, problems);
                }
            }
        }
    }

    /** A validator for {@code schema}; each schema gets its own registry so one type's {@code $id}s never resolve in another's. */
    public static Schema compile(JsonNode schema) {
        return registry().getSchema(schema);
    }

    /** What is wrong with {@code data}, each field a JSON pointer prefixed with {@code pointer}. */
    public static List<FieldError> validate(Schema schema, JsonNode data, String pointer) {
        List<Error> errors;
        try {
            errors = schema.validate(data);
        } catch (SchemaException e) {
            // Registration checks references; should a schema still fail, the event is refused with why, not lost.
            return List.of(new FieldError(pointer, "could not be checked against its schema: " + rootMessage(e)));
        }
        if (errors.isEmpty()) {
            return List.of();
        }
        List<FieldError> problems = new ArrayList<>(errors.size());
        for (Error error : errors) {
            String field = pointer + error.getInstanceLocation();
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                field = field + "/" + error.getProperty().replace("~", "~0").replace("/", "~1");
            }
            problems.add(new FieldError(field, error.getMessage()));
        }
        return problems;
    }

    private static SchemaRegistry registry() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(CONFIG)
                .schemaLoader(loader -> loader.fetchRemoteResources(false)));
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
