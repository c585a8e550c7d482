package dev.beckon.platform;

import java.util.List;

/** The {@code limit} of an API list: 1 to 500 rows, and a 400 naming the parameter otherwise. */
public final class ListLimit {

    public static final int MAX = 500;

    private ListLimit() {
    }

    public static int checked(int limit) {
        if (limit < 1 || limit > MAX) {
            throw ProblemException.badRequest("limit is out of range",
                    List.of(new FieldError("limit", "must be between 1 and " + MAX)));
        }
        return limit;
    }
}
