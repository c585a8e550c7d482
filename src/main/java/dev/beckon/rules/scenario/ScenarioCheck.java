package dev.beckon.rules.scenario;

import dev.beckon.platform.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a scenario as written, naming every field that is wrong, before it is stored or run. */
final class ScenarioCheck {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");
    private static final Map<String, Set<String>> STATUSES = Map.of(
            "offer", Set.of("made"),
            "followup", Set.of("pending", "fired", "cancelled", "superseded"),
            "escalation", Set.of("open"));

    private ScenarioCheck() {
    }

    static List<FieldError> errors(Scenario scenario) {
        List<FieldError> errors = new ArrayList<>();
        if (scenario == null) {
            return List.of(new FieldError("body", "a scenario is required"));
        }
        if (scenario.name() == null || scenario.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (scenario.name().length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        if (scenario.given() == null || scenario.given().isEmpty()) {
            errors.add(new FieldError("given", "needs at least one event"));
        } else {
            for (int i = 0; i < scenario.given().size(); i++) {
                Scenario.Given g = scenario.given().get(i);
                String at = "given[" + i + "]";
                time(g.at(), at + ".at", errors);
                if (g.type() == null || !TYPE.matcher(g.type()).matches()) {
                    errors.add(new FieldError(at + ".type", "must be an event type such as cart.updated"));
                }
            }
        }
        List<Scenario.Expected> expect = scenario.expect() == null ? List.of() : scenario.expect();
        for (int i = 0; i < expect.size(); i++) {
            Scenario.Expected e = expect.get(i);
            String at = "expect[" + i + "]";
            if (e.kind() == null || !STATUSES.containsKey(e.kind())) {
                errors.add(new FieldError(at + ".kind", "must be offer, followup or escalation"));
            } else if (e.status() != null && !STATUSES.get(e.kind()).contains(e.status())) {
                errors.add(new FieldError(at + ".status", "for a " + e.kind() + " must be one of " + STATUSES.get(e.kind())));
            }
            if (e.at() != null) {
                time(e.at(), at + ".at", errors);
            }
        }
        return errors;
    }

    private static void time(String text, String field, List<FieldError> errors) {
        try {
            ScenarioClock.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
        }
    }
}
