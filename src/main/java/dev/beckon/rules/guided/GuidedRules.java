package dev.beckon.rules.guided;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reading stored guided definitions, and keeping those that still describe a version's text. */
public final class GuidedRules {

    private GuidedRules() {
    }

    static List<GuidedRule> read(ObjectMapper json, JsonNode guided) {
        if (guided == null || !guided.isArray()) {
            return List.of();
        }
        List<GuidedRule> rules = new ArrayList<>();
        try {
            for (JsonNode node : guided) {
                rules.add(json.treeToValue(node, GuidedRule.class));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored guided rules do not read back", e);
        }
        return rules;
    }

    /**
     * The definitions of {@code guided} that still generate exactly their block in {@code drl}. A
     * guided rule whose block was edited by hand, or deleted, becomes an ordinary rule.
     */
    public static JsonNode carriedForward(ObjectMapper json, JsonNode guided, String drl) {
        return json.valueToTree(read(json, guided).stream()
                .filter(g -> DrlGenerator.drl(g).strip().equals(GuidedBlocks.find(drl, g.name())))
                .toList());
    }
}
