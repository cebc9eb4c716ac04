package dev.kiln.highlight;

import java.util.Set;
import javax.swing.text.Segment;
import org.fife.ui.rsyntaxtextarea.Token;
import org.fife.ui.rsyntaxtextarea.TokenTypes;
import org.fife.ui.rsyntaxtextarea.modes.JavaTokenMaker;

/**
 * Swift, which RSyntaxTextArea has no lexer for: Java's lexer splits the text (its comments, numbers,
 * {@code @attributes}, {@code "strings"} and {@code """} multi-line strings are Swift's too, and it keeps
 * {@code \(interpolation)} inside the string), then every word is classified again by Swift's keywords,
 * so {@code guard} and {@code let} are keywords and Java's {@code new} or {@code goto} are not. The list
 * is then walked again rather than lexed anew, so the text and the state carried to the next line
 * (inside a comment or a multi-line string) stay exactly Java's lexer's.
 */
final class SwiftTokenMaker extends JavaTokenMaker {

    /** Reserved everywhere: the Swift reference's keywords for declarations, statements, expressions, types and patterns. */
    private static final Set<String> KEYWORDS = Set.of(
            "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
            "inout", "internal", "let", "operator", "private", "precedencegroup", "protocol", "public",
            "rethrows", "static", "struct", "subscript", "typealias", "var",
            "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard",
            "if", "in", "repeat", "return", "throw", "switch", "where", "while",
            "Any", "as", "async", "await", "is", "self", "Self", "super", "throws", "try", "_");

    /**
     * Keywords only in their place (a declaration's modifiers, a property's accessors), so not where a
     * name goes: {@code defaults.set(…)}, {@code func open(…)}. {@code open} is among the reference's
     * declaration keywords but is a modifier only before a declaration, as these are. Left out because
     * they name things too often: {@code left}, {@code right}, {@code none}, {@code Type}, {@code Protocol}.
     */
    private static final Set<String> CONTEXT_KEYWORDS = Set.of(
            "actor", "any", "borrowing", "consuming", "convenience", "didSet", "dynamic", "final", "get",
            "indirect", "infix", "isolated", "lazy", "macro", "mutating", "nonisolated", "nonmutating", "open",
            "optional", "override", "package", "postfix", "prefix", "required", "set", "some", "unowned",
            "weak", "willSet");

    /** Words after which comes the name being declared. */
    private static final Set<String> DECLARERS = Set.of("func", "let", "var", "case");

    private static final Set<String> LITERALS = Set.of("true", "false", "nil");

    /** The standard library's basic types, coloured as Kotlin's and Java's lexers colour theirs. */
    private static final Set<String> TYPES = Set.of(
            "AnyObject", "Array", "Bool", "Character", "Dictionary", "Double", "Error", "Float", "Int", "Int8", "Int16",
            "Int32", "Int64", "Never", "Optional", "Result", "Set", "String", "Substring", "UInt", "UInt8",
            "UInt16", "UInt32", "UInt64", "Void");

    /** Words as Java's lexer types them (it calls a dot an identifier too); strings, comments and numbers stay as they are. */
    private static final Set<Integer> WORD_TYPES = Set.of(TokenTypes.IDENTIFIER, TokenTypes.RESERVED_WORD,
            TokenTypes.RESERVED_WORD_2, TokenTypes.DATA_TYPE, TokenTypes.FUNCTION, TokenTypes.LITERAL_BOOLEAN);

    @Override
    public Token getTokenList(Segment text, int initialTokenType, int startOffset) {
        Token first = super.getTokenList(text, initialTokenType, startOffset);
        Token previous = null;
        for (Token token = first; token != null && token.isPaintable(); token = token.getNextToken()) {
            if (WORD_TYPES.contains(token.getType())) {
                token.setType(swiftType(token.getLexeme(), previous == null ? "" : previous.getLexeme()));
            } else if (token.getType() == TokenTypes.ERROR_IDENTIFIER && isDirective(token.getLexeme())) {
                token.setType(TokenTypes.PREPROCESSOR);
            }
            if (!token.isWhitespace()) {
                previous = token;
            }
        }
        return first;
    }

    /**
     * The type of a word, given the text before it on the line. After a dot it names a member, so only
     * {@code .self} and {@code .init} stay keywords; after {@code func}, {@code let}, {@code var} or
     * {@code case} it is the name being declared, so a context keyword there ({@code func open}) is a name.
     */
    private static int swiftType(String word, String before) {
        if (before.equals(".")) {
            return word.equals("self") || word.equals("init") ? TokenTypes.RESERVED_WORD : TokenTypes.IDENTIFIER;
        }
        if (KEYWORDS.contains(word) || CONTEXT_KEYWORDS.contains(word) && !DECLARERS.contains(before)) {
            return TokenTypes.RESERVED_WORD;
        }
        if (LITERALS.contains(word)) {
            return TokenTypes.LITERAL_BOOLEAN;
        }
        return TYPES.contains(word) ? TokenTypes.DATA_TYPE : TokenTypes.IDENTIFIER;
    }

    /** {@code #if}, {@code #endif}, {@code #available}, {@code #selector}, macros like {@code #Preview}: Java's lexer calls them errors. */
    private static boolean isDirective(String word) {
        return word.length() > 1 && word.charAt(0) == '#' && Character.isLetter(word.charAt(1))
                && word.chars().skip(1).allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    }
}
