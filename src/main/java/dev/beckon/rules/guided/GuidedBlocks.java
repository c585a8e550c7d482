package dev.beckon.rules.guided;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guided rules live in a version's text between marker comments, so the text stays the one
 * source the engine compiles, and the builder can replace or remove exactly its own block.
 */
final class GuidedBlocks {

    private GuidedBlocks() {
    }

    static String start(String name) {
        return "// guided rule \"" + name + "\": edit it in the guided builder";
    }

    static String end(String name) {
        return "// end of guided rule \"" + name + "\"";
    }

    static String block(String name, String drl) {
        return start(name) + "\n" + drl.strip() + "\n" + end(name) + "\n";
    }

    /** The text with this rule's block replaced, or the block appended when there was none. */
    static String put(String text, String name, String drl) {
        Matcher existing = pattern(name).matcher(text);
        String block = block(name, drl);
        if (existing.find()) {
            return text.substring(0, existing.start()) + block + text.substring(existing.end());
        }
        String base = text.isEmpty() || text.endsWith("\n\n") ? text : text.endsWith("\n") ? text + "\n" : text + "\n\n";
        return base + block;
    }

    /** The text without this rule's block. */
    static String remove(String text, String name) {
        return pattern(name).matcher(text).replaceFirst("");
    }

    /** The generated text of the rule's block as it stands in the text, or null when the block is gone. */
    static String find(String text, String name) {
        Matcher m = pattern(name).matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }

    private static Pattern pattern(String name) {
        return Pattern.compile(Pattern.quote(start(name)) + "\\n(.*?)\\n" + Pattern.quote(end(name)) + "\\n?", Pattern.DOTALL);
    }
}
