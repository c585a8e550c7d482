package dev.beckon.console.webhooks;

import dev.beckon.console.ConsoleProblem;

/** Input a webhook page refuses itself, before asking the service: e.g. text that is not JSON. */
final class FormRefusal extends RuntimeException {

    final transient ConsoleProblem problem;

    FormRefusal(ConsoleProblem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }
}
