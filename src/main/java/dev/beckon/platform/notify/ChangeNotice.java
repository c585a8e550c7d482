package dev.beckon.platform.notify;

/**
 * A CDI event: {@code topic} may have changed in the database, on this replica or another, and
 * whoever holds it in memory should read it again. Also fired for every topic after the listener
 * (re)connects, because notices sent while it was not listening are lost.
 */
public record ChangeNotice(ChangeTopic topic) {

    public boolean concerns(ChangeTopic other) {
        return topic == other;
    }
}
