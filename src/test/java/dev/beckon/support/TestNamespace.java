package dev.beckon.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where a test run keeps its data: a PostgreSQL schema and a prefix for exchanges and queues,
 * beckon_test and beckon-test unless BECKON_TEST_SCHEMA and BECKON_TEST_BROKER_PREFIX say
 * otherwise, so two test runs on one machine stay out of each other's way.
 */
public final class TestNamespace {

    public static final String SCHEMA = env("BECKON_TEST_SCHEMA", "beckon_test");
    public static final String BROKER = env("BECKON_TEST_BROKER_PREFIX", "beckon-test");

    private TestNamespace() {
    }

    /** A plain connection to the test database, with the test schema first on the search path. */
    public static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA, "postgres", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
