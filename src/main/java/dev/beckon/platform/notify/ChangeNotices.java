package dev.beckon.platform.notify;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Tells every replica that something they hold in memory changed. The notice is sent inside the
 * caller's transaction: PostgreSQL delivers it only when that transaction commits, so no replica
 * reads again before the change is there to read, and a rolled-back change notifies no one.
 */
@ApplicationScoped
public class ChangeNotices {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    NotifyConfig config;

    /** Notifies about {@code topic} in the caller's transaction (the pool hands back its connection). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(ChangeTopic topic) {
        try (Connection connection = dataSource.getConnection()) {
            announce(connection, topic);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not notify replicas of a change to " + topic.payload(), e);
        }
    }

    /** Notifies about {@code topic} on {@code connection}, delivered when its transaction commits. */
    public void announce(Connection connection, ChangeTopic topic) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, config.channel());
            notify.setString(2, topic.payload());
            notify.execute();
        }
    }
}
