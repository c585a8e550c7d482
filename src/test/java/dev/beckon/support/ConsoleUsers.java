package dev.beckon.support;

import dev.beckon.security.Passwords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Console users with a unique name and the roles a test needs, written straight to the test database. */
public final class ConsoleUsers {

    /** A user's name and password in clear, for signing in. */
    public record Credentials(String user, String password) {
    }

    private ConsoleUsers() {
    }

    /** A new user with {@code roles} (comma-separated, e.g. "marketer"). */
    public static Credentials create(String prefix, String roles) throws SQLException {
        Credentials credentials = new Credentials(Api.unique(prefix), Api.unique("pw"));
        insert(credentials.user(), credentials.password(), roles);
        return credentials;
    }

    static void insert(String user, String password, String roles) throws SQLException {
        try (Connection db = TestNamespace.database();
             PreparedStatement insert = db.prepareStatement(
                     "INSERT INTO console_users (username, password_hash, roles, created_at) VALUES (?, ?, ?, now())")) {
            insert.setString(1, user);
            insert.setString(2, Passwords.hash(password));
            insert.setString(3, roles);
            insert.executeUpdate();
        }
    }
}
