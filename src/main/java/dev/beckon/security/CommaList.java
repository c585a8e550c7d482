package dev.beckon.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Roles and scopes are kept as comma-separated text; this reads them back, in their stored order. */
final class CommaList {

    private CommaList() {
    }

    static Set<String> of(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
