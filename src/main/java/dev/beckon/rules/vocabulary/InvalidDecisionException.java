package dev.beckon.rules.vocabulary;

/** A rule stated a decision Beckon cannot carry out; the message names the rule and the problem. */
public class InvalidDecisionException extends RuntimeException {

    public InvalidDecisionException(String rule, String problem) {
        super("rule \"" + rule + "\": " + problem);
    }
}
