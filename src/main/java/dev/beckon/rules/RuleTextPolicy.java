package dev.beckon.rules;

import dev.beckon.rules.vocabulary.Decide;
import dev.beckon.rules.vocabulary.Event;
import dev.beckon.rules.vocabulary.Profile;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether rule text written by a business user stays inside the Beckon vocabulary, before
 * it is compiled. A rule's consequence is compiled as Java and runs inside Beckon, so the text is
 * untrusted: without this check it could call {@code System.exit}, read files, use reflection,
 * loop for ever or change the engine's working memory.
 *
 * <p>The check reads the text as tokens, skipping line ({@code //}) and block comments and
 * text in quotes ({@code "..."} and DRL's {@code '...'}), and refuses:
 * <ul>
 *   <li>declarations Beckon makes for the author ({@code package}, {@code import}, {@code global}) or
 *       that define new code or types ({@code function}, {@code declare}, {@code query}, {@code class},
 *       {@code record} ...);</li>
 *   <li>Java statements that create objects, loop, wait or handle errors ({@code new}, {@code while},
 *       {@code for}, {@code do}, {@code synchronized}, {@code try} ...), and lambdas ({@code ->},
 *       {@code ::}), which would let stream methods loop;</li>
 *   <li>the engine's internals and working-memory operations ({@code drools}, {@code kcontext},
 *       {@code insert}, {@code modify}, {@code from}, {@code accumulate}, {@code entry-point} ...);</li>
 *   <li>type names other than Event, Profile, Math, String, Integer, Long, Double and Boolean, and any
 *       dotted name that does not start at a {@code $} variable, {@code decide}, {@code this}, a
 *       property of Event or Profile, or a name the text itself binds or declares (so
 *       {@code java.io.File} and {@code jakarta.enterprise...} are refused);</li>
 *   <li>reflection, process and thread members ({@code getClass}, {@code .class}, {@code forName},
 *       {@code exit}, {@code wait}, {@code TYPE} ...) wherever they appear;</li>
 *   <li>characters that can disguise code: {@code @}, {@code #}, text blocks ({@code """}), characters
 *       outside printable ASCII in code, and backslash-u escapes anywhere, even in quotes and comments,
 *       because the Java compiler decodes them before it sees quotes or comments (a comment holding
 *       &#92;u000a followed by {@code System.exit(0);} would run the call).</li>
 * </ul>
 * Every violation is reported in one pass, in text order, with the author's line and column (both
 * 1-based). The check is a first line of defence: it does not limit how much CPU or memory an
 * allowed expression uses (a regular expression that backtracks, or a huge string).
 */
public final class RuleTextPolicy {

    private static final String VOCABULARY = "the Beckon vocabulary (Event, Profile, decide)";

    /** The only type names rules may write: the facts and a few value helpers from java.lang. */
    private static final Set<String> ALLOWED_TYPES =
            Set.of("Event", "Profile", "Math", "String", "Integer", "Long", "Double", "Boolean");

    /** The methods of the global {@code decide} that the guide documents. */
    private static final Set<String> DECISIONS = Set.of("offer", "followUp", "escalate");

    /**
     * Decide's other public methods are Beckon's bookkeeping ({@code ruleFiring} would let a rule sign
     * its decisions with another rule's name). Refused after any dot, since {@code decide} can be copied
     * into a variable first.
     */
    private static final Set<String> DECIDE_INTERNALS = difference(publicMethods(Decide.class), DECISIONS);

    /** Words refused wherever they appear outside comments and quotes, each with the reason an author reads. */
    private static final Map<String, String> REFUSED_WORDS = refusedWords();

    /**
     * Members that reach Java itself: reflection, class loading, the process, threads and system
     * settings. Refused wherever they appear, since a method can be called on any value. The property
     * forms ({@code classLoader}) are here because constraints are evaluated by MVEL, which reads
     * {@code x.classLoader} as {@code x.getClassLoader()}. {@code TYPE} is {@code Integer.TYPE}, a Class.
     */
    private static final Set<String> REFUSED_MEMBERS = Set.of(
            "getClass", "class", "forName", "getClassLoader", "classLoader", "getContextClassLoader",
            "contextClassLoader", "loadClass", "newInstance", "invoke", "getMethod", "getMethods",
            "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getDeclaredFields", "getField",
            "getFields", "getConstructor", "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors",
            "getDeclaringClass", "getModule", "getResource", "getResourceAsStream", "setAccessible", "TYPE",
            "exec", "exit", "halt", "load", "loadLibrary", "wait", "notify", "notifyAll", "getRuntime",
            "getenv", "getProperty", "getProperties", "setProperty", "getInteger", "getLong", "getBoolean",
            "lookup");

    /** Well-known dangerous types, named in their own message (other type names are refused too). */
    private static final Set<String> REFUSED_TYPES = Set.of(
            "System", "Runtime", "Thread", "ProcessBuilder", "ProcessHandle", "ClassLoader", "Class", "Files",
            "Paths", "File", "Socket", "URL", "Unsafe", "Method", "Field", "Constructor", "MethodHandles",
            "ScriptEngineManager");

    /** First parts of Java package names, named in their own message when a dotted name starts with one. */
    private static final Set<String> PACKAGE_ROOTS = Set.of(
            "java", "javax", "jakarta", "jdk", "sun", "com", "org", "dev", "io", "net", "beckon", "kotlin",
            "scala", "groovy");

    /** DRL and Java words a rule may use bare, even before "(": they are syntax, not method calls. */
    private static final Set<String> LANGUAGE_WORDS = Set.of(
            "rule", "when", "then", "end", "and", "or", "not", "exists", "forall", "eval", "salience", "enabled",
            "duration", "matches", "memberOf", "contains", "excludes", "soundslike", "str", "in", "over",
            "extends", "attributes", "after", "before", "coincides", "during", "finishes", "finishedby",
            "includes", "meets", "metby", "overlaps", "overlappedby", "starts", "startedby", "this", "true",
            "false", "null", "if", "else", "switch", "case", "default", "return", "break", "continue", "yield",
            "final", "var", "int", "long", "double", "float", "boolean", "char", "short", "byte");

    /** Words after which a name is being declared ({@code String country = ...}). */
    private static final Set<String> DECLARING_TYPES = union(ALLOWED_TYPES,
            Set.of("var", "int", "long", "double", "float", "boolean", "char", "short", "byte"));

    /** DRL words spelt with hyphens, read as one token (none is the start of another). */
    private static final List<String> HYPHENATED_WORDS = List.of("activation-group", "lock-on-active",
            "ruleflow-group", "date-effective", "date-expires", "agenda-group", "entry-point", "auto-focus",
            "no-loop");

    /** Methods and bean properties of the facts: what a constraint may call or read without a receiver. */
    private static final Set<String> FACT_METHODS = union(publicMethods(Event.class), publicMethods(Profile.class));
    private static final Set<String> FACT_PROPERTIES = union(properties(Event.class), properties(Profile.class));

    /** Every violation in {@code drl}, in text order; empty when the text stays inside the vocabulary. */
    public List<CompileError> violations(String drl) {
        Scan scan = new Scan(drl == null ? "" : drl);
        scan.unicodeEscapes();
        scan.tokenize();
        scan.checkTokens();
        return scan.errors();
    }

    private enum Kind { WORD, NUMBER, SYMBOL }

    private record Token(Kind kind, String text, int offset) {
    }

    private record Found(int offset, String message) {
    }

    /** One pass over one text: its tokens and what was found wrong, by offset. */
    private static final class Scan {

        private final String text;
        private final List<Integer> lineStarts = new ArrayList<>();
        private final List<Token> tokens = new ArrayList<>();
        private final List<Found> found = new ArrayList<>();

        Scan(String text) {
            this.text = text;
            lineStarts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                // \r\n, \n and a lone \r each end a line, as they do for the Java compiler.
                if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                    lineStarts.add(i + 1);
                }
            }
        }

        /**
         * The Java compiler decodes &#92;u0022 into {@code "} before it looks for quotes or comments,
         * so an escape can close a string or end a comment that this scan would otherwise skip. Any
         * backslash followed by {@code u} is refused, wherever it is.
         */
        void unicodeEscapes() {
            for (int i = text.indexOf("\\u"); i >= 0; i = text.indexOf("\\u", i + 2)) {
                int end = i + 2;
                while (end < text.length() && text.charAt(end) == 'u') {
                    end++; // javac accepts any number of u's after the backslash
                }
                int digits = end;
                while (digits < text.length() && digits < end + 4 && isHexDigit(text.charAt(digits))) {
                    digits++;
                }
                refuse(i, quoted(text.substring(i, digits)) + " is not allowed: the rule compiler turns \\u codes"
                        + " into other characters, even inside quotes and comments, which can change what a rule"
                        + " does; type the character itself");
            }
        }

        void tokenize() {
            int n = text.length();
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                    i++;
                } else if (text.startsWith("//", i)) {
                    while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        i++;
                    }
                } else if (text.startsWith("/*", i)) {
                    int close = text.indexOf("*/", i + 2);
                    if (close < 0) {
                        refuse(i, "a /* comment is never closed: add */ where it ends");
                    }
                    i = close < 0 ? n : close + 2;
                } else if (text.startsWith("\"\"\"", i)) {
                    // A Java text block: quotes inside it do not end it, so this scan could lose its place.
                    refuse(i, "\"\"\" is not allowed: text blocks are not available in rules; write text in"
                            + " \"double quotes\"");
                    int close = text.indexOf("\"\"\"", i + 3);
                    i = close < 0 ? n : close + 3;
                } else if (c == '"' || c == '\'') {
                    i = skipQuoted(i, c);
                } else if (isWordStart(c)) {
                    i = word(i);
                } else if (isDigit(c) || c == '.' && i + 1 < n && isDigit(text.charAt(i + 1))) {
                    i = number(i);
                } else if (c == '@') {
                    refuse(i, "\"@\" is not allowed: annotations are not available in rules");
                    i++;
                } else if (c == '#') {
                    refuse(i, "\"#\" is not allowed: type casts and # comments are not available in rules;"
                            + " write comments with //");
                    i++;
                } else if (c < 32 || c > 126) {
                    int end = i;
                    while (end < n && isOddCharacter(text.charAt(end))) {
                        end++;
                    }
                    refuse(i, quoted(show(text.substring(i, end))) + " is not allowed outside quotes: write rules"
                            + " with plain letters, digits, spaces and punctuation (text pasted from a word"
                            + " processor can bring invisible characters); other characters are fine inside"
                            + " \"text\" and comments");
                    i = end;
                } else if (text.startsWith("->", i) || text.startsWith("::", i)) {
                    tokens.add(new Token(Kind.SYMBOL, text.substring(i, i + 2), i));
                    i += 2;
                } else {
                    tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                    i++;
                }
            }
        }

        /** Skips "..." or '...' with backslash escapes, as DRL and Java do; returns the offset after it. */
        private int skipQuoted(int start, char quote) {
            int j = start + 1;
            while (j < text.length() && text.charAt(j) != quote) {
                j += text.charAt(j) == '\\' ? 2 : 1;
            }
            if (j >= text.length()) {
                refuse(start, "text in quotes is never closed: add the closing " + quote);
                return text.length();
            }
            return j + 1;
        }

        private int word(int start) {
            for (String hyphenated : HYPHENATED_WORDS) {
                int end = start + hyphenated.length();
                if (text.startsWith(hyphenated, start) && (end == text.length() || !isWordPart(text.charAt(end)))) {
                    tokens.add(new Token(Kind.WORD, hyphenated, start));
                    return end;
                }
            }
            int end = start + 1;
            while (end < text.length() && isWordPart(text.charAt(end))) {
                end++;
            }
            tokens.add(new Token(Kind.WORD, text.substring(start, end), start));
            return end;
        }

        /**
         * Reads a number as narrowly as Java does (digits, one fraction, an exponent, a suffix), so letters
         * after it start a word that is checked like any other.
         */
        private int number(int start) {
            int n = text.length();
            int j = start;
            if (text.startsWith("0x", j) || text.startsWith("0X", j)) {
                j += 2;
                while (j < n && (isHexDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                    j++;
                }
            } else {
                j = digits(j);
                if (j + 1 < n && text.charAt(j) == '.' && isDigit(text.charAt(j + 1))) {
                    j = digits(j + 1);
                }
                if (j < n && (text.charAt(j) == 'e' || text.charAt(j) == 'E')) {
                    int k = j + 1;
                    if (k < n && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
                        k++;
                    }
                    if (k < n && isDigit(text.charAt(k))) {
                        j = digits(k);
                    }
                }
            }
            if (j < n && "lLfFdD".indexOf(text.charAt(j)) >= 0) {
                j++;
            }
            tokens.add(new Token(Kind.NUMBER, text.substring(start, j), start));
            return j;
        }

        private int digits(int from) {
            int j = from;
            while (j < text.length() && (isDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                j++;
            }
            return j;
        }

        void checkTokens() {
            Set<String> declared = declaredNames();
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.kind() == Kind.SYMBOL && token.text().equals("->")) {
                    refuse(token.offset(), "\"->\" is not allowed: rules cannot define functions (lambdas),"
                            + " which could run again and again over data and hold up every event");
                } else if (token.kind() == Kind.SYMBOL && token.text().equals("::")) {
                    refuse(token.offset(), "\"::\" is not allowed: rules cannot pass methods around, which could"
                            + " run again and again over data and hold up every event");
                } else if (token.kind() == Kind.WORD) {
                    String problem = wordProblem(i, token.text(), declared);
                    if (problem != null) {
                        refuse(token.offset(), problem);
                    }
                }
            }
        }

        private String wordProblem(int i, String word, Set<String> declared) {
            boolean afterDot = isSymbol(i - 1, ".");
            if (word.contains("__")) {
                return quoted(word) + " is not allowed: names with two underscores are reserved for the rule engine";
            }
            if (afterDot && DECIDE_INTERNALS.contains(word)) {
                return quoted(word) + " is not allowed: it is Beckon's own bookkeeping; decide only offers"
                        + " offer(..), followUp(..) and escalate(..)";
            }
            if (REFUSED_MEMBERS.contains(word) && (afterDot || !REFUSED_WORDS.containsKey(word))) {
                return quoted(afterDot && word.equals("class") ? ".class" : word) + " is not allowed: it reaches"
                        + " into Java itself (classes, reflection, threads, the process or its settings), which"
                        + " rules must not touch";
            }
            if (REFUSED_WORDS.containsKey(word)) {
                return REFUSED_WORDS.get(word);
            }
            if (REFUSED_TYPES.contains(word)) {
                return word + " is not available in rules: rules can only use " + VOCABULARY;
            }
            if (Character.isUpperCase(word.charAt(0))) {
                // A capitalised member (Integer.MAX_VALUE, Double.NaN) is a constant of an allowed type.
                boolean ruleName = isWord(i - 1, "rule");
                if (!afterDot && !ruleName && !ALLOWED_TYPES.contains(word)) {
                    return quoted(word) + " is not available in rules: rules can only use " + VOCABULARY
                            + " and the helpers Math, String, Integer, Long, Double and Boolean";
                }
                return null;
            }
            if (word.startsWith("$") || afterDot) {
                return null; // a bound variable, or a member of something already checked
            }
            int member = memberAfter(i);
            if (member >= 0) {
                return dottedNameProblem(i, word, member, declared);
            }
            if (isSymbol(i + 1, "(") && !LANGUAGE_WORDS.contains(word) && !FACT_METHODS.contains(word)) {
                return quoted(word + "(..)") + " is not allowed: it is not a method of " + VOCABULARY;
            }
            return null;
        }

        /** The first part of a dotted name must be something the rule can legitimately reach. */
        private String dottedNameProblem(int i, String word, int member, Set<String> declared) {
            if (PACKAGE_ROOTS.contains(word)) {
                return quoted(dottedName(i)) + " is not allowed: rules cannot reach Java packages, only "
                        + VOCABULARY;
            }
            if (word.equals("decide") || word.equals("this") || FACT_PROPERTIES.contains(word) || declared.contains(word)) {
                return null;
            }
            return quoted(word + "." + tokenText(member)) + " is not allowed: " + word + " is not part of "
                    + VOCABULARY + "; to use a fact's values, bind it with a $ name, as in"
                    + " $e : Event(...) and then $e.text(\"country\")";
        }

        /**
         * Names the text binds ({@code $e : Event()}, {@code t : type}) or declares as a local variable
         * ({@code String country = ...}). A name that looks like a package root never counts.
         */
        private Set<String> declaredNames() {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.kind() != Kind.WORD || PACKAGE_ROOTS.contains(token.text())) {
                    continue;
                }
                boolean binding = isSymbol(i + 1, ":");
                boolean afterType = i > 0 && (tokens.get(i - 1).kind() == Kind.WORD
                        && DECLARING_TYPES.contains(tokens.get(i - 1).text()) || isSymbol(i - 1, "]"));
                boolean declaration = afterType && (isSymbol(i + 1, "=") || isSymbol(i + 1, ";")
                        || isSymbol(i + 1, ",") || isSymbol(i + 1, ")") || isSymbol(i + 1, ":"));
                if (binding || declaration) {
                    names.add(token.text());
                }
            }
            return names;
        }

        /** Index of the word after "." (or DRL's null-safe "!.") following token i, or -1. */
        private int memberAfter(int i) {
            if (isSymbol(i + 1, ".")) {
                return i + 2;
            }
            if (isSymbol(i + 1, "!") && isSymbol(i + 2, ".")) {
                return i + 3;
            }
            return -1;
        }

        /** "java.io.File" from the token "java": the words joined by dots that follow it. */
        private String dottedName(int i) {
            StringBuilder name = new StringBuilder(tokens.get(i).text());
            for (int member = memberAfter(i); isKind(member, Kind.WORD); member = memberAfter(member)) {
                name.append('.').append(tokens.get(member).text());
            }
            return name.toString();
        }

        private String tokenText(int i) {
            return i >= 0 && i < tokens.size() ? tokens.get(i).text() : "";
        }

        private boolean isKind(int i, Kind kind) {
            return i >= 0 && i < tokens.size() && tokens.get(i).kind() == kind;
        }

        private boolean isSymbol(int i, String symbol) {
            return isKind(i, Kind.SYMBOL) && tokens.get(i).text().equals(symbol);
        }

        private boolean isWord(int i, String word) {
            return isKind(i, Kind.WORD) && tokens.get(i).text().equals(word);
        }

        private void refuse(int offset, String message) {
            found.add(new Found(offset, message));
        }

        /** What was found, ordered by position (stable, so one position keeps the order it was found in). */
        List<CompileError> errors() {
            List<Found> ordered = new ArrayList<>(found);
            ordered.sort(Comparator.comparingInt(Found::offset));
            List<CompileError> errors = new ArrayList<>();
            for (Found f : ordered) {
                int line = lineOf(f.offset());
                errors.add(new CompileError(line + 1, f.offset() - lineStarts.get(line) + 1, f.message()));
            }
            return errors;
        }

        /** Zero-based line holding {@code offset}. */
        private int lineOf(int offset) {
            int low = 0;
            int high = lineStarts.size() - 1;
            while (low < high) {
                int mid = (low + high + 1) >>> 1;
                if (lineStarts.get(mid) <= offset) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            return low;
        }
    }

    private static Map<String, String> refusedWords() {
        Map<String, String> words = new HashMap<>();
        words.put("package", "\"package\" is not allowed: Beckon puts your rules in their package for you");
        words.put("import", "\"import\" is not allowed: the vocabulary (Event, Profile, decide) is imported for you");
        words.put("global", "\"global\" is not allowed: decide is the only global, and it is declared for you");
        for (String w : List.of("function", "declare", "query", "template", "class", "interface", "enum",
                "record")) {
            words.put(w, quoted(w) + " is not allowed: rules cannot define their own functions, types or"
                    + " queries, only use " + VOCABULARY);
        }
        words.put("new", "\"new\" is not allowed: rules cannot create objects; state decisions with"
                + " decide.offer(..), decide.followUp(..) or decide.escalate(..)");
        for (String w : List.of("while", "for", "do", "goto")) {
            words.put(w, quoted(w) + " is not allowed: a loop could keep a rule running for ever and hold up"
                    + " every event behind it");
        }
        words.put("synchronized", "\"synchronized\" is not allowed: it could make rules wait for each other and"
                + " hold up events");
        for (String w : List.of("throw", "try", "catch", "finally")) {
            words.put(w, quoted(w) + " is not allowed: rules cannot raise or catch errors; a rule that fails"
                    + " sends its event to the dead letters");
        }
        words.put("instanceof", "\"instanceof\" is not allowed: it is not needed, the facts are always an Event"
                + " and a Profile");
        for (String w : List.of("drools", "kcontext", "consequenceCtx")) {
            words.put(w, quoted(w) + " is not allowed: the rule engine's internals are not available to rules");
        }
        for (String w : List.of("insert", "insertLogical", "modify", "update", "delete", "retract", "halt")) {
            words.put(w, quoted(w) + " is not allowed: rules cannot change the facts or stop the engine; state"
                    + " decisions through decide");
        }
        for (String w : List.of("timer", "calendars")) {
            words.put(w, quoted(w) + " is not allowed: rules run once for each event; to act later, use"
                    + " decide.followUp(..).after(..)");
        }
        for (String w : List.of("entry-point", "from", "collect", "accumulate", "window", "unit")) {
            words.put(w, quoted(w) + " is not allowed: rules see only the event being evaluated and its"
                    + " customer's profile");
        }
        words.put("dialect", "\"dialect\" is not allowed: rules are written in Beckon's default dialect");
        return Map.copyOf(words);
    }

    private static Set<String> publicMethods(Class<?> type) {
        Set<String> names = new HashSet<>();
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())) {
                names.add(method.getName());
            }
        }
        return names;
    }

    /** Bean properties read by getters: getUsualPaymentAmount() is usualPaymentAmount. */
    private static Set<String> properties(Class<?> type) {
        Set<String> names = new HashSet<>();
        for (Method method : type.getDeclaredMethods()) {
            String name = method.getName();
            int prefix = name.startsWith("get") ? 3 : name.startsWith("is") ? 2 : 0;
            if (prefix > 0 && name.length() > prefix && method.getParameterCount() == 0
                    && Modifier.isPublic(method.getModifiers())) {
                names.add(name.substring(prefix, prefix + 1).toLowerCase(Locale.ROOT) + name.substring(prefix + 1));
            }
        }
        return names;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new HashSet<>(a);
        rest.removeAll(b);
        return Set.copyOf(rest);
    }

    private static String quoted(String token) {
        return "\"" + token + "\"";
    }

    /** Invisible or unusual characters shown as U+XXXX, others as themselves. */
    private static String show(String characters) {
        StringBuilder shown = new StringBuilder();
        characters.codePoints().forEach(cp -> {
            boolean visible = !Character.isISOControl(cp) && !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
                    && Character.getType(cp) != Character.FORMAT;
            shown.append(visible ? new String(Character.toChars(cp)) : String.format("U+%04X", cp));
        });
        return shown.toString();
    }

    private static boolean isOddCharacter(char c) {
        return (c < 32 || c > 126) && c != '\n' && c != '\r' && c != '\t' && c != '\f';
    }

    private static boolean isWordStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
