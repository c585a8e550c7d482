package dev.beckon.rules;

import dev.beckon.rules.vocabulary.Decide;
import dev.beckon.rules.vocabulary.Event;
import dev.beckon.rules.vocabulary.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.parser.ParserError;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles rule text kept in the database into a KieBase at run time, so a rule edit needs no
 * rebuild. Authors write only rules: the vocabulary (Event, Profile, the {@code decide} global)
 * is put in front of their text on one line, and reported lines are shifted back to theirs.
 *
 * <p>The KieBase is built straight from a KnowledgeBuilder rather than through a KieContainer,
 * so no KieModule is registered in the KieRepository: an old version is freed by the garbage
 * collector as soon as the last batch evaluating it finishes.
 */
@ApplicationScoped
public class RuleCompiler {

    static final String PACKAGE = "beckon.rules";
    private static final String HEADER = "package " + PACKAGE + "; "
            + "import " + Event.class.getName() + "; "
            + "import " + Profile.class.getName() + "; "
            + "global " + Decide.class.getName() + " decide;\n";
    private static final int HEADER_LINES = 1;

    public CompiledRuleSet compile(int version, String drl) {
        KnowledgeBuilder builder = build(drl);
        List<CompileError> errors = errorsOf(builder);
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        ClassLoader loader = Event.class.getClassLoader();
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration(null, loader));
        kieBase.addPackages(builder.getKnowledgePackages());
        List<String> names = kieBase.getKiePackages().stream()
                .map(KiePackage::getRules).flatMap(rules -> rules.stream().map(Rule::getName))
                .sorted().toList();
        return new CompiledRuleSet(version, kieBase, names);
    }

    /** Every error in the text, in line order; empty when it compiles. */
    public List<CompileError> check(String drl) {
        return errorsOf(build(drl));
    }

    private KnowledgeBuilder build(String drl) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, Event.class.getClassLoader()));
        byte[] text = (HEADER + drl).getBytes(StandardCharsets.UTF_8);
        builder.add(ResourceFactory.newByteArrayResource(text).setSourcePath("rules.drl"), ResourceType.DRL);
        return builder;
    }

    private static List<CompileError> errorsOf(KnowledgeBuilder builder) {
        List<CompileError> errors = new ArrayList<>();
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR)) {
            int[] lines = result.getLines();
            int line = lines == null || lines.length == 0 ? 0 : Math.max(0, lines[0] - HEADER_LINES);
            int column = result instanceof ParserError p ? p.getCol() : 0;
            errors.add(new CompileError(line, column, clean(result.getMessage())));
        }
        if (errors.size() > 1) {
            // The parser adds this summary after its real errors; it says nothing to an author.
            errors.removeIf(e -> e.message().equals("Parser returned a null Package"));
        }
        errors.sort(Comparator.comparingInt((CompileError e) -> e.line() == 0 ? Integer.MAX_VALUE : e.line()));
        return errors;
    }

    private static final Pattern PARSER_LINE = Pattern.compile("(Line:? )(\\d+)([:,])");

    /** Messages embed "Line 4:18" or "[Line: 4, Column: 4]" counted with the header; say the author's line instead. */
    private static String clean(String message) {
        if (message == null) {
            return "unknown error";
        }
        Matcher m = PARSER_LINE.matcher(message.replace("\r", "").trim());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int line = Math.max(1, Integer.parseInt(m.group(2)) - HEADER_LINES);
            m.appendReplacement(out, m.group(1) + line + m.group(3));
        }
        m.appendTail(out);
        return out.toString();
    }
}
