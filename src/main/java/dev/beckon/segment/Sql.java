package dev.beckon.segment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A piece of SQL and the values of its placeholders, in order. The text is only ever made of
 * constants in this package; whatever a definition's author wrote travels as a parameter.
 */
record Sql(String text, List<Object> parameters) {

    static Sql of(String text, Object... parameters) {
        return new Sql(text, Arrays.asList(parameters));
    }

    /** This SQL followed by {@code other}, as it is (the caller writes the spaces). */
    Sql then(Sql other) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(other.parameters);
        return new Sql(text + other.text, all);
    }

    Sql and(Sql other) {
        return then(other.within(" AND ", ""));
    }

    /** This SQL inside {@code before} and {@code after}, e.g. a condition inside a whole statement. */
    Sql within(String before, String after) {
        return new Sql(before + text + after, parameters);
    }

    /** This SQL with one more parameter, for a placeholder added by {@link #within}. */
    Sql with(Object value) {
        List<Object> all = new ArrayList<>(parameters);
        all.add(value);
        return new Sql(text, all);
    }

    /** Binds the parameters to a statement's placeholders from {@code first} on; returns the next free one. */
    int bind(Connection connection, PreparedStatement statement, int first) throws SQLException {
        int at = first;
        for (Object value : parameters) {
            if (value instanceof Instant instant) {
                statement.setTimestamp(at++, Timestamp.from(instant));
            } else if (value instanceof String[] texts) {
                statement.setArray(at++, connection.createArrayOf("text", texts));
            } else {
                statement.setObject(at++, value);
            }
        }
        return at;
    }
}
