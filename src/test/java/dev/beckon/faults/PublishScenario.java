package dev.beckon.faults;

import java.util.List;

/**
 * A new version of the rules is published mid-stream (it names its offer rule apart), and later
 * the first version is published again: a rollback. Every event is decided once, by whichever
 * version was live when its batch ran, never by both and never by none.
 */
final class PublishScenario implements Scenario {

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public FaultSchedule faults(FaultRig rig, SuiteOptions options, String run, List<Long> kills) throws Exception {
        int first = rig.harnessVersion();
        // Stored (and compiled) before the stream, so the publish itself is what happens mid-stream.
        int second = rig.createRules(true);
        return new FaultSchedule()
                .holdingAt(0.33, "publish rule-set version " + second, () -> rig.publish(second, "fault suite: second version"))
                .holdingAt(0.66, "roll back to version " + first, () -> rig.publish(first, "fault suite: rollback"));
    }

    @Override
    public void check(FaultRig rig, String run, StoredState stored, Report report) {
        long bySecond = stored.decisions.stream().filter(d -> d.rule().endsWith(HarnessRules.SECOND_VERSION_SUFFIX)).count();
        long afterRollback = stored.decisions.stream()
                .filter(d -> d.ruleSetVersion() == rig.harnessVersion() && d.rule().equals(HarnessRules.OFFER_RULE)).count();
        report.fact("offers decided by the second version: " + bySecond + "; offers by version " + rig.harnessVersion()
                + " (before and after the rollback): " + afterRollback);
        if (bySecond == 0) {
            report.problem("no offer was decided by the second version: the publish did not take effect mid-stream");
        }
    }
}
