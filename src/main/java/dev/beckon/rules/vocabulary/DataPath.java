package dev.beckon.rules.vocabulary;

import com.fasterxml.jackson.core.JsonPointer;

/** Turns a rule author's path ({@code items[0].sku}) into a JSON Pointer ({@code /items/0/sku}). */
final class DataPath {

    private DataPath() {
    }

    static JsonPointer toPointer(String path) {
        if (path == null || path.isBlank()) {
            return JsonPointer.empty();
        }
        StringBuilder pointer = new StringBuilder();
        for (String segment : path.replace("[", ".").replace("]", "").split("\\.")) {
            if (!segment.isEmpty()) {
                pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
            }
        }
        return JsonPointer.compile(pointer.toString());
    }
}
