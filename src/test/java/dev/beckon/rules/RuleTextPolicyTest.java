package dev.beckon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleTextPolicyTest {

    private final RuleTextPolicy policy = new RuleTextPolicy();

    @Test
    void starterPackHasNoViolations() throws Exception {
        String drl = Files.readString(Path.of("rules/starter-pack.drl"));

        assertThat(policy.violations(drl)).isEmpty();
    }

    @Test
    void everyRuleExampleInTheGuideHasNoViolations() throws Exception {
        List<String> examples = drlExamples();

        assertThat(examples).hasSizeGreaterThanOrEqualTo(6);
        assertThat(examples).allSatisfy(example ->
                assertThat(policy.violations(example)).as(example).isEmpty());
    }

    @Test
    void theHeaderBeckonAddsIsRefusedInTheAuthorsText() throws Exception {
        String header = codeBlocks().stream().filter(b -> b.startsWith("package ")).findFirst().orElseThrow();

        assertThat(messages(header)).anyMatch(m -> m.startsWith("\"package\" is not allowed"))
                .anyMatch(m -> m.startsWith("\"import\" is not allowed"))
                .anyMatch(m -> m.startsWith("\"global\" is not allowed"));
    }

    @Test
    void allowsTheWholeDocumentedVocabularyAndItCompiles() {
        String drl = """
                // Every construct the guide shows, and a few plain Java helpers.
                rule "vocabulary"
                    salience 10
                    no-loop true
                when
                    $p : Profile(paymentCount >= 2, !isNewCountry("FR"), countries.size() < 10 || orderCount == 0)
                    $e : Event(type == "payment.authorized" && source != null,
                               number("total") > 3 * $p.usualPaymentAmount,
                               number("total") >= Math.max(10, $p.getUsualPaymentAmount()),
                               text("currency") in ("EUR", "USD"), type.startsWith("payment."),
                               has("country"), size("items") > 0 || flag("negative"))
                    Profile(isNewCountry($e.text("country")), lifetimeSpendBefore < 1000, count("order.completed") == 1)
                    not Event(type == "order.completed")
                    exists Profile(eventCount > 1)
                    eval(Math.abs(-1) < Integer.MAX_VALUE)
                then
                    String country = $e.text("country");
                    double limit = Double.isNaN($p.getUsualPaymentAmount()) ? 0 : $p.getUsualPaymentAmount();
                    if (country != null && country.length() == 2 && limit >= 0) {
                        decide.escalate("Payment from " + country.toUpperCase()).priority("urgent").queue("risk");
                    }
                    decide.followUp("x").after("30m").cancelledBy("order.completed").withOffer(10, "CODE");
                    decide.offer("vip").percentOff(Math.min(15, 20)).code(String.valueOf(Long.valueOf(15)));
                end
                """;

        assertThat(policy.violations(drl)).isEmpty();
        assertThat(new RuleCompiler().check(drl)).isEmpty();
    }

    @Test
    void refusesImportsWithTheirLine() {
        List<CompileError> errors = policy.violations("""
                // my rules
                package my.rules;
                   import java.io.File;
                global java.lang.Runtime runtime;
                rule "x" when Event() then end
                """);

        assertThat(errors.get(0)).isEqualTo(new CompileError(2, 1,
                "\"package\" is not allowed: Beckon puts your rules in their package for you"));
        assertThat(errors).contains(new CompileError(3, 4,
                "\"import\" is not allowed: the vocabulary (Event, Profile, decide) is imported for you"));
        assertThat(errors).contains(new CompileError(4, 1,
                "\"global\" is not allowed: decide is the only global, and it is declared for you"));
    }

    @Test
    void refusesSystemExitInAConsequence() {
        List<CompileError> errors = policy.violations("""
                rule "bye"
                when
                    Event()
                then
                    System.exit(0);
                end
                """);

        assertThat(errors).extracting(CompileError::line, CompileError::column, CompileError::message).containsExactly(
                tuple(5, 5, "System is not available in rules: rules can only use"
                        + " the Beckon vocabulary (Event, Profile, decide)"),
                tuple(5, 12, "\"exit\" is not allowed: it reaches into Java itself"
                        + " (classes, reflection, threads, the process or its settings), which rules must not touch"));
    }

    @Test
    void refusesReflectionThroughGetClass() {
        assertThat(messages("rule \"r\" when $e : Event() then $e.getClass().getClassLoader(); end"))
                .containsExactly(member("getClass"), member("getClassLoader"));
        assertThat(messages("rule \"r\" when Event(getClass() != null) then end")).containsExactly(member("getClass"));
        assertThat(messages("rule \"r\" when Event() then var c = String.class; end")).containsExactly(member(".class"));
        assertThat(messages("rule \"r\" when Event() then var c = Integer.TYPE; end")).containsExactly(member("TYPE"));
        assertThat(messages("rule \"r\" when $e : Event(this.class.classLoader != null) then end"))
                .containsExactly(member(".class"), member("classLoader"));
        assertThat(messages("rule \"r\" when Event() then Class.forName(\"x\").getDeclaredMethods(); end"))
                .hasSize(3).first().asString().startsWith("Class is not available in rules");
    }

    @Test
    void refusesLoopsThatCouldHangIngestion() {
        String drl = """
                rule "spin"
                when
                    $p : Profile()
                then
                    while (true) { }
                    for (int i = 0; i >= 0; i++) { }
                    do { } while ($p != null);
                    $p.getCountries().forEach(c -> decide.offer(c));
                    $p.getCountries().forEach(decide::offer);
                end
                """;

        assertThat(policy.violations(drl)).extracting(CompileError::line, e -> e.message().substring(0, 8))
                .containsExactly(
                        tuple(5, "\"while\" "),
                        tuple(6, "\"for\" is"),
                        tuple(7, "\"do\" is "),
                        tuple(7, "\"while\" "),
                        tuple(8, "\"->\" is "),
                        tuple(9, "\"::\" is "));
        assertThat(policy.violations(drl).get(0).message()).contains("hold up every event");
        assertThat(messages("rule \"w\" when $e : Event() then synchronized ($e) { $e.wait(); } end"))
                .containsExactly(refused("synchronized"), member("wait"));
    }

    @Test
    void refusesWorkingMemoryOperations() {
        String drl = """
                rule "meddle"
                when
                    $e : Event()
                then
                    insert($e); insertLogical($e); modify($e) { }; update($e); delete($e); retract($e);
                    drools.halt(); kcontext.getKieRuntime(); consequenceCtx.toString();
                end
                """;

        assertThat(messages(drl)).containsExactly(
                refused("insert"), refused("insertLogical"), refused("modify"), refused("update"),
                refused("delete"), refused("retract"), refused("drools"), member("halt"), refused("kcontext"),
                refused("consequenceCtx"));
        assertThat(messages(drl).get(0)).isEqualTo("\"insert\" is not allowed: rules cannot change the facts or"
                + " stop the engine; state decisions through decide");
    }

    @Test
    void refusesFullyQualifiedJavaNames() {
        assertThat(messages("rule \"f\" when Event() then java.io.File.listRoots(); end"))
                .containsExactly("\"java.io.File.listRoots\" is not allowed: rules cannot reach Java packages, only"
                        + " the Beckon vocabulary (Event, Profile, decide)", typeRefused("File"));
        assertThat(messages("rule \"f\" when Event(javax . script . foo != null) then end"))
                .singleElement().asString().startsWith("\"javax.script.foo\" is not allowed: rules cannot reach");
        assertThat(messages("rule \"f\" when Event() then dev.beckon.rules.vocabulary.util.stop(); end"))
                .singleElement().asString().startsWith("\"dev.beckon.rules.vocabulary.util.stop\" is not allowed");
        // Roots that are not on the list are still refused: only known names may start a dotted name.
        assertThat(messages("rule \"f\" when Event() then picocli.lower.call(); end"))
                .singleElement().asString().startsWith("\"picocli.lower\" is not allowed: picocli is not part of");
        assertThat(messages("rule \"f\" when Event() then jakarta.enterprise.inject.spi.CDI.current(); end"))
                .singleElement().asString().startsWith("\"jakarta.enterprise.inject.spi.CDI.current\" is not allowed");
    }

    @Test
    void refusesUnicodeEscapesThatCouldEndAString() {
        String drl = """
                rule "sneaky"
                when
                    Event()
                then
                    decide.escalate("a\\u0022); System.exit(0); String s = (\\u0022");
                    // \\u000a decide.offer("x").percentOff(1);
                end
                """;

        List<CompileError> errors = policy.violations(drl);

        assertThat(errors).extracting(CompileError::line, CompileError::column)
                .containsExactly(tuple(5, 23), tuple(5, 60),
                        tuple(6, 8));
        assertThat(errors.get(0).message()).startsWith("\"\\u0022\" is not allowed: the rule compiler turns \\u codes"
                + " into other characters, even inside quotes and comments");
        assertThat(errors.get(2).message()).startsWith("\"\\u000a\" is not allowed");
        assertThat(messages("rule \"u\" when Event() then String s = \"\\uuuu0041\"; end")).hasSize(1);
    }

    @Test
    void ignoresForbiddenWordsInsideCommentsAndStrings() {
        String drl = """
                // import System; while (true) { new Thread(); }  java.io.File
                rule "import System"
                when
                    /* for every insert, drools.halt() and getClass() */
                    Event(type == "new.order", text("note") != 'for @you #1', text("x") != "it's")
                then
                    decide.offer("welcome").percentOff(10).message("new offer for you: \\"try\\" it, while stocks last");
                end
                """;

        assertThat(policy.violations(drl)).isEmpty();
    }

    @Test
    void reportsEveryViolationInOnePass() {
        String drl = """
                import java.util.List;
                rule "many"
                when
                    $e : Event() from entry-point "stream"
                then
                    new Object();
                    @SuppressWarnings("x") int x = #Integer 3;
                end
                """;

        List<CompileError> errors = policy.violations(drl);

        assertThat(errors).extracting(CompileError::line, CompileError::column).containsExactly(
                tuple(1, 1), tuple(1, 8), tuple(4, 18), tuple(4, 23), tuple(6, 5), tuple(6, 9),
                tuple(7, 5), tuple(7, 6), tuple(7, 36));
        assertThat(errors).isSortedAccordingTo(Comparator.comparingInt(CompileError::line)
                .thenComparingInt(CompileError::column));
        assertThat(errors.get(1).message()).startsWith("\"java.util.List\" is not allowed");
        assertThat(errors.get(2).message()).startsWith("\"from\" is not allowed: rules see only the event");
        assertThat(errors.get(3).message()).startsWith("\"entry-point\" is not allowed");
        assertThat(errors.get(6).message()).startsWith("\"@\" is not allowed");
        assertThat(errors.get(8).message()).startsWith("\"#\" is not allowed");
    }

    @Test
    void refusesDefiningFunctionsTypesAndQueries() {
        String drl = """
                function int spin(int n) { return spin(n); }
                declare Fact value : int end
                query "all" Event() end
                rule "r" when Event() then class C { } record R(int x) { } enum E { A } interface I { } end
                """;

        assertThat(messages(drl)).filteredOn(m -> m.contains("cannot define their own functions"))
                .hasSize(7);
        assertThat(messages(drl)).contains("\"spin(..)\" is not allowed: it is not a method of the Beckon vocabulary"
                + " (Event, Profile, decide)");
    }

    @Test
    void refusesTypesOutsideTheVocabulary() {
        assertThat(messages("rule \"t\" when Event() then Thread.sleep(1000); HashMap m = null; end"))
                .containsExactly(typeRefused("Thread"), "\"HashMap\" is not available in rules: rules can only use"
                        + " the Beckon vocabulary (Event, Profile, decide) and the helpers Math, String, Integer,"
                        + " Long, Double and Boolean");
        assertThat(messages("rule \"t\" when Event() then Integer.getInteger(\"port\"); end"))
                .containsExactly(member("getInteger"));
    }

    @Test
    void refusesEngineFeaturesBeyondOneEventAndTheDefaultDialect() {
        String drl = """
                rule "engine" dialect "mvel" timer (int: 1s) calendars "weekdays"
                when
                    $n : Number() from accumulate(Event(), count(1))
                    $l : Object() from collect(Event()) over window:time(5m)
                    unit Foo;
                then
                end
                """;

        assertThat(messages(drl)).contains(refused("dialect"), refused("timer"), refused("calendars"),
                refused("from"), refused("accumulate"), refused("collect"), refused("window"), refused("unit"));
    }

    @Test
    void refusesCreatingObjectsAndHandlingErrors() {
        assertThat(messages("rule \"e\" when $e : Event() then try { throw new RuntimeException(); }"
                + " catch (RuntimeException x) { } finally { } if ($e instanceof Event) { } end"))
                .containsExactly(refused("try"), refused("throw"), refused("new"),
                        "\"RuntimeException\" is not available in rules: rules can only use the Beckon vocabulary"
                                + " (Event, Profile, decide) and the helpers Math, String, Integer, Long, Double and"
                                + " Boolean",
                        refused("catch"),
                        "\"RuntimeException\" is not available in rules: rules can only use the Beckon vocabulary"
                                + " (Event, Profile, decide) and the helpers Math, String, Integer, Long, Double and"
                                + " Boolean",
                        refused("finally"), refused("instanceof"));
    }

    @Test
    void refusesEngineNamesAndUndocumentedDecideMethods() {
        assertThat(messages("rule \"n\" when $p : Profile() then var h = $p__Handle__; end"))
                .containsExactly("\"$p__Handle__\" is not allowed: names with two underscores are reserved for the"
                        + " rule engine");
        assertThat(messages("rule \"n\" when Profile() then decide.ruleFiring(\"other rule\"); end"))
                .containsExactly("\"ruleFiring\" is not allowed: it is Beckon's own bookkeeping; decide only offers"
                        + " offer(..), followUp(..) and escalate(..)");
        assertThat(messages("rule \"n\" when Profile() then var d = decide; d.ruleFiring(\"x\"); d.drafts(); end"))
                .hasSize(2).allMatch(m -> m.contains("Beckon's own bookkeeping"));
        assertThat(messages("rule \"n\" when Profile() then defaultConsequence(null); end"))
                .singleElement().asString().startsWith("\"defaultConsequence(..)\" is not allowed");
    }

    @Test
    void refusesCharactersThatCanDisguiseCode() {
        assertThat(messages("rule \"c\" when Event() then String s = \"\"\"\n a \" System \" \"\"\"; end"))
                .singleElement().asString().startsWith("\"\"\" is not allowed: text blocks");
        assertThat(policy.violations("rule \"c\" when Event(type\u00a0== \"café\") then end"))
                .singleElement().satisfies(e -> {
                    assertThat(e.column()).isEqualTo(25);
                    assertThat(e.message()).startsWith("\"U+00A0\" is not allowed outside quotes");
                });
        assertThat(messages("rule \"c\" when Event() then decide.offer(\"x\"); end \"unclosed"))
                .containsExactly("text in quotes is never closed: add the closing \"");
    }

    private List<String> messages(String drl) {
        return policy.violations(drl).stream().map(CompileError::message).toList();
    }

    /** The message for a refused word, read from the policy through a text holding only that word. */
    private String refused(String word) {
        return policy.violations(word).get(0).message();
    }

    private static String member(String name) {
        return "\"" + name + "\" is not allowed: it reaches into Java itself (classes, reflection, threads, the"
                + " process or its settings), which rules must not touch";
    }

    private static String typeRefused(String name) {
        return name + " is not available in rules: rules can only use the Beckon vocabulary (Event, Profile, decide)";
    }

    /** The guide's code blocks without a language: rules, patterns, consequences and the header. */
    private static List<String> codeBlocks() throws Exception {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        boolean plain = false;
        for (String line : Files.readAllLines(Path.of("docs/rules.md"))) {
            if (line.startsWith("```")) {
                if (block == null) {
                    block = new StringBuilder();
                    plain = line.strip().equals("```");
                } else {
                    if (plain) {
                        blocks.add(block.toString());
                    }
                    block = null;
                }
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** Every DRL example in the guide: its plain code blocks except the header Beckon adds itself. */
    private static List<String> drlExamples() throws Exception {
        return codeBlocks().stream().filter(b -> !b.startsWith("package ")).toList();
    }
}
