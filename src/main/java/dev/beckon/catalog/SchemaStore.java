package dev.beckon.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code event_schemas} table: every version of every registered type, kept for good. */
@ApplicationScoped
public class SchemaStore {

    private static final String COLUMNS = "type, version, schema::text, sample::text, comment, created_by, created_at";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    /**
     * How many versions are registered in all. Versions are only ever added, so a replica whose
     * count differs from this has missed a registration: a cheap check that needs no clock.
     */
    public long count() {
        return query("SELECT count(*) FROM event_schemas", null, row -> row.getLong(1)).get(0);
    }

    /** The latest version of every registered type. */
    public List<RegisteredSchema> latestOfEach() {
        return query("SELECT DISTINCT ON (type) " + COLUMNS + " FROM event_schemas ORDER BY type, version DESC",
                null, this::schema);
    }

    /** Every version of {@code type}, newest first. */
    public List<RegisteredSchema> versionsOf(String type) {
        return query("SELECT " + COLUMNS + " FROM event_schemas WHERE type = ? ORDER BY version DESC", type, this::schema);
    }

    /** The latest version of {@code type}, read on {@code connection} so a registration sees its own transaction. */
    Optional<RegisteredSchema> latest(Connection connection, String type) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM event_schemas WHERE type = ? ORDER BY version DESC LIMIT 1")) {
            query.setString(1, type);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(schema(row)) : Optional.empty();
            }
        }
    }

    void insert(Connection connection, RegisteredSchema schema) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO event_schemas (type, version, schema, sample, comment, created_by, created_at)
                VALUES (?, ?, ?::json, ?::json, ?, ?, ?)
                """)) {
            insert.setString(1, schema.type());
            insert.setInt(2, schema.version());
            insert.setString(3, schema.schema().toString());
            insert.setString(4, schema.sample() == null ? null : schema.sample().toString());
            insert.setString(5, schema.comment());
            insert.setString(6, schema.createdBy());
            insert.setTimestamp(7, Timestamp.from(schema.createdAt()));
            insert.executeUpdate();
        }
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, String type, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            if (type != null) {
                query.setString(1, type);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(reader.read(row));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read event schemas", e);
        }
    }

    private RegisteredSchema schema(ResultSet row) throws SQLException {
        try {
            String sample = row.getString(4);
            return new RegisteredSchema(row.getString(1), row.getInt(2), json.readTree(row.getString(3)),
                    sample == null ? null : json.readTree(sample), row.getString(5), row.getString(6),
                    row.getTimestamp(7).toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored schema does not read back", e);
        }
    }
}
