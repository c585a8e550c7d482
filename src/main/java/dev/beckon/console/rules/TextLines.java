package dev.beckon.console.rules;

import java.util.ArrayList;
import java.util.List;

/** Rule text and diffs cut into numbered lines, so templates can show line numbers and colour changes. */
final class TextLines {

    /** One line of rule text. */
    record Line(int number, String text) {
    }

    /** One line of a unified diff; {@code kind} is added, removed, hunk, file or same (the CSS class). */
    record DiffLine(String text, String kind) {
    }

    private TextLines() {
    }

    static List<Line> numbered(String text) {
        List<Line> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        String[] split = text.split("\n", -1);
        int count = text.endsWith("\n") ? split.length - 1 : split.length;
        for (int i = 0; i < count; i++) {
            lines.add(new Line(i + 1, split[i].replace("\r", "")));
        }
        return lines;
    }

    /** 1..n as text, one number a line, for the editor's gutter before the script takes over. */
    static String gutter(String text) {
        int count = Math.max(1, numbered(text).size());
        StringBuilder gutter = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            gutter.append(i).append('\n');
        }
        return gutter.toString();
    }

    static List<DiffLine> diff(String unified) {
        return unified.lines().map(line -> new DiffLine(line, kind(line))).toList();
    }

    private static String kind(String line) {
        if (line.startsWith("+++") || line.startsWith("---")) {
            return "file";
        }
        if (line.startsWith("@@")) {
            return "hunk";
        }
        if (line.startsWith("+")) {
            return "added";
        }
        if (line.startsWith("-")) {
            return "removed";
        }
        return "same";
    }
}
