package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.FUNCTION;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.LITERAL;
import static dev.kiln.highlight.Kind.META;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.TYPE;
import static dev.kiln.highlight.Kind.VARIABLE;
import static dev.kiln.highlight.RegexLexer.using;

import java.util.Locale;
import java.util.Set;

/**
 * PHP, after Rouge's lexer: HTML around {@code <?php … ?>} is lexed as HTML; functions, classes,
 * typed parameters and return types, variables inside strings. Rouge knows every function of every
 * PHP module as a builtin; Kiln knows the common ones.
 */
final class PhpLexer {
    private PhpLexer() {}

    private static final String ID = "[\\p{L}_][\\p{L}\\p{N}_]*";
    private static final String NS = "(?:" + ID + "\\\\)+";
    private static final String ID_NS = "(?:" + NS + ")?" + ID;

    private static final Set<String> KEYWORDS = RegexLexer.wordSet("""
            old_function cfunction __class__ __dir__ __file__ __function__ __halt_compiler __line__ __method__
            __namespace__ __trait__ abstract and array as break case catch clone continue declare default die do
            echo else elseif empty enddeclare endfor endforeach endif endswitch endwhile eval exit extends final
            finally fn for foreach global goto if implements include include_once instanceof insteadof isset list
            match new or parent print private protected public readonly require require_once return self static
            switch throw try unset var while xor yield""");
    private static final Set<String> BUILTINS = RegexLexer.wordSet("""
            strlen strtolower strtoupper ucfirst lcfirst ucwords trim ltrim rtrim explode implode join sprintf printf
            vsprintf number_format str_replace str_ireplace str_repeat str_pad str_split str_contains str_starts_with
            str_ends_with strpos stripos strrpos substr substr_count strstr strcmp strcasecmp nl2br htmlspecialchars
            htmlentities html_entity_decode strip_tags addslashes stripslashes wordwrap md5 sha1 crc32 hash
            base64_encode base64_decode urlencode urldecode rawurlencode http_build_query parse_str parse_url
            preg_match preg_match_all preg_replace preg_replace_callback preg_split preg_quote count sizeof in_array
            array_key_exists array_keys array_values array_merge array_map array_filter array_reduce array_walk
            array_slice array_splice array_search array_unique array_reverse array_sum array_push array_pop
            array_shift array_unshift array_combine array_fill array_flip array_column array_chunk array_diff
            array_intersect range compact extract sort rsort usort uasort uksort ksort krsort asort arsort shuffle
            min max abs round floor ceil intdiv fmod pow sqrt rand mt_rand random_int is_array is_string is_int
            is_numeric is_bool is_null is_object is_callable isset intval floatval strval boolval settype gettype
            var_dump var_export print_r serialize unserialize json_encode json_decode file_get_contents
            file_put_contents fopen fclose fread fwrite fgets feof file_exists is_file is_dir mkdir rmdir unlink
            rename copy glob basename dirname realpath pathinfo date time mktime strtotime microtime checkdate
            date_default_timezone_set sleep usleep header setcookie session_start define defined constant
            function_exists method_exists property_exists class_exists get_class spl_autoload_register
            call_user_func call_user_func_array func_get_args error_log trigger_error set_error_handler
            iterator_to_array ob_start ob_get_clean mb_strlen mb_substr mb_strtolower mb_strtoupper""");

    static final RegexLexer LEXER = build();

    private static RegexLexer build() {
        RegexLexer.Action call = (run, start, end) -> {
            String name = run.text.substring(start, end).toLowerCase(Locale.ROOT);
            run.emit(KEYWORDS.contains(name) ? KEYWORD : BUILTINS.contains(name) ? BUILTIN : FUNCTION, start, end);
        };
        RegexLexer.Action name = (run, start, end) -> {
            String word = run.text.substring(start, end);
            Kind kind;
            if (word.equals("stdClass")) {
                kind = TYPE;
            } else if (KEYWORDS.contains(word.toLowerCase(Locale.ROOT))) {
                kind = KEYWORD;
            } else if (word.matches("__.*?__")) {
                kind = BUILTIN;
            } else if (word.matches("(?:E|PHP)(?:_\\p{Lu}+)+") || word.matches("(?:.*\\\\)?\\p{Lu}[\\p{Lu}\\p{Nd}_]+")) {
                kind = LITERAL;
            } else if (word.matches("(?:.*\\\\)?\\p{Lu}[\\p{L}\\p{Nd}]*")) {
                kind = TYPE;
            } else {
                kind = PLAIN;
            }
            run.emit(kind, start, end);
        };
        var lexer = new RegexLexer.Builder();
        addStartStates(lexer, call, name);
        addVariablesStates(lexer, call, name);
        addFunctionBodyStates(lexer, call, name);
        addNewClassStates(lexer, call, name);
        return lexer.build();
    }

    private static void addStartStates(RegexLexer.Builder lexer, RegexLexer.Action call, RegexLexer.Action name) {
        lexer.startIn("start")
                .state("root")
                .rule("(?i)<\\?(?:php|=)?", "php", META)
                .rule("(?s).+?(?=<\\?)|(?s).+", using("html"))
                .state("start")
                .rule("\\s*(?=<)", "#pop", using("html"))
                .rule("(?i)[^$]+(?=<\\?(?:php|=))", "#pop", using("html"))
                .rule("", "#pop php")
                .state("escape")
                .rule("\\?>", "#reset", META)
                .state("return")
                .rule("", "#pop")
                .state("names")
                .rule(ID_NS + "(?=\\s*\\()", call)
                .rule("(?i)use\\b", "inUse", KEYWORD)
                .rule("(?i)const\\b", "inConst", KEYWORD)
                .rule("(?i)catch\\b", "inCatch", KEYWORD)
                .rule("(?i)(?:public|protected|private)\\b", "inVisibility", KEYWORD)
                .rule(ID_NS, name)
                .state("operators")
                .rule("[~!%^&*+|:.<>/@-]+", PUNCTUATION)
                .state("string")
                .rule("\"", "#pop", STRING)
                .rule("[^\\\\{$\"]+|\\\\u\\{[0-9a-fA-F]+\\}|\\\\(?:[efrntv\"$\\\\]|[0-7]{1,3}|[xX][0-9a-fA-F]{1,2})", STRING)
                .rule("\\$" + ID + "(?:\\[\\S+\\]|->" + ID + ")?", VARIABLE)
                .rule("\\{\\$\\{", "interpolationDouble", STRING)
                .rule("\\{(?=\\$)", "interpolationSingle", STRING)
                .rule("(\\{)(\\S+)(\\})", STRING, VARIABLE, STRING)
                .rule("[${\\\\]+", STRING)
                .state("interpolationDouble")
                .rule("\\}\\}", "#pop", STRING)
                .include("php")
                .state("interpolationSingle")
                .rule("\\}", "#pop", STRING)
                .include("php")
                .state("values")
                .rule("(?i)<<<([\"']?)(" + ID + ")\\1\\n(?s:.*?)\\n\\s*\\2;?", STRING)
                .rule("(?i)(?:\\d[_\\d]*)?\\.(?:\\d[_\\d]*)?(?:e[+-]?\\d[_\\d]*)?", NUMBER)
                .rule("(?i)0[0-7][0-7_]*|0b[01][01_]*|0x[a-f0-9][a-f0-9_]*|\\d[_\\d]*", NUMBER)
                .rule("'(?:[^'\\\\]*(?:\\\\.[^'\\\\]*)*)'|`(?:[^`\\\\]*(?:\\\\.[^`\\\\]*)*)`", STRING)
                .rule("\"", "string", STRING)
                .rule("(?i)(?:function|fn)\\b", "functionReturn functionParameters functionName", KEYWORD)
                .rule("(?i)(?:true|false|null)\\b", LITERAL)
                .rule("(?i)new\\b", "inNew", KEYWORD);
    }

    private static void addVariablesStates(RegexLexer.Builder lexer, RegexLexer.Action call, RegexLexer.Action name) {
        lexer.state("variables")
                .rule("\\$\\{\\$+" + ID + "\\}|\\$+" + ID, VARIABLE)
                .state("whitespace")
                .rule("\\s+", PLAIN)
                .rule("#.*|//.*|/\\*(?s:.*?)\\*/", COMMENT)
                .state("php")
                .include("escape")
                .include("whitespace")
                .include("variables")
                .include("values")
                .rule("(?i)(namespace)(\\s+)(" + ID_NS + ")", KEYWORD, PLAIN, TYPE)
                .rule("(?i)(class|interface|trait|extends|implements)(\\s+)(" + ID_NS + ")", KEYWORD, PLAIN, TYPE)
                .include("names")
                .rule("[;,(){}\\[\\]]", PUNCTUATION)
                .include("operators")
                .rule("[=?]", PUNCTUATION)
                .state("inAssign")
                .rule(",", "#pop", PUNCTUATION)
                .rule("[\\[\\]]", PUNCTUATION)
                .rule("\\(", "inAssignFunction", PUNCTUATION)
                .include("escape")
                .include("whitespace")
                .include("values")
                .include("variables")
                .include("names")
                .include("operators")
                .include("return")
                .state("inAssignFunction")
                .rule("\\)", "#pop", PUNCTUATION)
                .rule(",", PUNCTUATION)
                .include("inAssign")
                .state("inCatch")
                .rule("\\(", PUNCTUATION)
                .rule("\\|", PUNCTUATION)
                .rule(ID, TYPE)
                .include("escape")
                .include("whitespace")
                .include("return")
                .state("inConst")
                .rule(ID, LITERAL)
                .rule("=", "inAssign", PUNCTUATION)
                .include("escape")
                .include("whitespace")
                .include("return");
    }

    private static void addFunctionBodyStates(RegexLexer.Builder lexer, RegexLexer.Action call, RegexLexer.Action name) {
        lexer.state("functionBody")
                .rule("\\{", "functionBody", PUNCTUATION)
                .rule("\\}", "#pop", PUNCTUATION)
                .include("php")
                .state("functionName")
                .rule("&", PUNCTUATION)
                .rule(ID, PLAIN)
                .rule("\\(", "#pop", PUNCTUATION)
                .include("escape")
                .include("whitespace")
                .include("return")
                .state("functionParameters")
                .rule("\\)", "#pop", PUNCTUATION)
                .rule(",|[.]{3}", PUNCTUATION)
                .rule("=", "inAssign", PUNCTUATION)
                .rule("(?i)\\b(?:public|protected|private|readonly)\\b", KEYWORD)
                .rule("\\??" + ID, "inAssign", TYPE)
                .include("escape")
                .include("whitespace")
                .include("variables")
                .include("return")
                .state("functionReturn")
                .rule(":", PUNCTUATION)
                .rule("(?i)use\\b", "functionUse", KEYWORD)
                .rule("\\??" + ID, "inAssign", TYPE)
                .rule("\\{", "#pop functionBody", PUNCTUATION)
                .include("escape")
                .include("whitespace")
                .include("return")
                .state("functionUse")
                .rule("[,(]", PUNCTUATION)
                .rule("&", PUNCTUATION)
                .rule("\\)", "#pop", PUNCTUATION)
                .include("escape")
                .include("whitespace")
                .include("variables")
                .include("return")
                .state("inNew")
                .rule("(?i)class\\b", "#pop newClass", KEYWORD)
                .rule(ID_NS, "#pop", TYPE)
                .include("escape")
                .include("whitespace")
                .include("return");
    }

    private static void addNewClassStates(RegexLexer.Builder lexer, RegexLexer.Action call, RegexLexer.Action name) {
        lexer.state("newClass")
                .rule("\\}", "#pop", PUNCTUATION)
                .rule("\\{", PUNCTUATION)
                .include("php")
                .state("inUse")
                .rule("[,}]", PUNCTUATION)
                .rule("(?i)(?:function|const)\\b", KEYWORD)
                .rule("(" + NS + ")(\\{)", TYPE, PUNCTUATION)
                .rule(ID_NS + "(?:_" + ID + ")+", FUNCTION)
                .include("escape")
                .include("whitespace")
                .include("names")
                .include("return")
                .state("inVisibility")
                .rule("(?i)\\b(?:readonly|static)\\b", KEYWORD)
                .rule("(?i)(?=(?:abstract|const|function)\\b)", "#pop", KEYWORD)
                .rule("\\??" + ID, "#pop", TYPE)
                .include("escape")
                .include("whitespace")
                .include("return");
    }
}
