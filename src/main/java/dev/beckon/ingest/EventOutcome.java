package dev.beckon.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of one message: accepted (with how many decisions), a duplicate, rejected with the
 * reason, or dropped because its customer was erased (nothing about them is stored again).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventOutcome(String id, Status status, Integer decisions, String reason, Long deadLetterId) {

    public enum Status {
        accepted, duplicate, rejected, erased
    }

    public static EventOutcome accepted(String id, int decisions) {
        return new EventOutcome(id, Status.accepted, decisions, null, null);
    }

    public static EventOutcome duplicate(String id) {
        return new EventOutcome(id, Status.duplicate, null, null, null);
    }

    public static EventOutcome erased(String id) {
        return new EventOutcome(id, Status.erased, null, "the customer was erased on request; the event is not kept", null);
    }

    public static EventOutcome rejected(String id, String reason, long deadLetterId) {
        return new EventOutcome(id, Status.rejected, null, reason, deadLetterId);
    }
}
