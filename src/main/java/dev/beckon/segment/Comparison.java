package dev.beckon.segment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The comparisons a condition may use, as written in a definition and as SQL (only the latter reaches a query). */
enum Comparison {

    GREATER(">", ">"),
    AT_LEAST(">=", ">="),
    LESS("<", "<"),
    AT_MOST("<=", "<="),
    EQUAL("=", "="),
    NOT_EQUAL("!=", "<>");

    final String op;
    final String sql;

    Comparison(String op, String sql) {
        this.op = op;
        this.sql = sql;
    }

    static Optional<Comparison> of(String op) {
        return Arrays.stream(values()).filter(c -> c.op.equals(op)).findFirst();
    }

    static List<String> ops() {
        return Arrays.stream(values()).map(c -> c.op).toList();
    }
}
