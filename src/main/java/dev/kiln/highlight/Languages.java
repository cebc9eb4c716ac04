package dev.kiln.highlight;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The languages Kiln highlights, by every name an author writes after a fence. Names map to a
 * language, and a language to the class holding its lexer, through a switch: a class is loaded, and
 * its expressions compiled, only when code in its language first appears in a build.
 */
final class Languages {
    private Languages() {}

    /** Name or alias → language. */
    private static final Map<String, String> NAMES = names(
            "python", "python py python3 py3 gyp",
            "java", "java",
            "kotlin", "kotlin kt kts",
            "javascript", "javascript js jsx mjs cjs node",
            "typescript", "typescript ts tsx mts cts",
            "go", "go golang",
            "rust", "rust rs",
            "c", "c h",
            "cpp", "cpp c++ cc cxx hpp hh hxx arduino ino",
            "csharp", "csharp cs c#",
            "shell", "shell bash sh zsh ksh",
            "console", "console terminal shell-session shell_session shellsession",
            "ruby", "ruby rb gemfile rake podspec gemspec",
            "php", "php php3 php4 php5 php7 php8",
            "sql", "sql mysql postgresql postgres psql plsql pgsql sqlite tsql mssql",
            "json", "json jsonc json5 geojson jsonl ndjson webmanifest",
            "xml", "xml xsd xsl xslt svg rss atom plist pom wsdl xaml csproj",
            "html", "html htm xhtml vue",
            "css", "css",
            "scss", "scss sass",
            "less", "less",
            "markdown", "markdown md mkd mkdn mdown",
            "yaml", "yaml yml",
            "dockerfile", "dockerfile docker containerfile",
            "diff", "diff patch udiff",
            "ini", "ini cfg conf dosini gitconfig editorconfig",
            "properties", "properties",
            "toml", "toml",
            "makefile", "makefile make mk mf gnumake bsdmake",
            "scala", "scala sc sbt",
            "groovy", "groovy gradle gvy jenkinsfile",
            "dart", "dart",
            "lua", "lua luau",
            "r", "r rscript splus",
            "perl", "perl pl pm perl5",
            "haskell", "haskell hs",
            "graphql", "graphql gql",
            "scheme", "scheme scm ss racket rkt",
            "liquid", "liquid jekyll",
            "swift", "swift",
            "clojure", "clojure clj cljs cljc edn",
            "lisp", "lisp elisp emacs-lisp common-lisp cl",
            "latex", "latex tex",
            "proto", "proto protobuf",
            "d", "d",
            "pascal", "pascal delphi objectpascal",
            "fortran", "fortran f90 f95",
            "tcl", "tcl",
            "vb", "vb vbnet vba vbscript",
            "batch", "bat batch cmd",
            "asm", "asm nasm x86asm",
            "6502", "6502",
            "handlebars", "handlebars hbs mustache",
            "jsp", "jsp",
            "actionscript", "actionscript as",
            "nsis", "nsis",
            "sas", "sas",
            "vhdl", "vhdl",
            "csv", "csv",
            "apache", "htaccess apacheconf apache",
            "hosts", "hosts",
            "dtd", "dtd",
            "bbcode", "bbcode",
            "mxml", "mxml");

    static boolean knows(String name) {
        return NAMES.containsKey(name);
    }

    static Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(NAMES.keySet()));
    }

    /** The lexer for a name or alias in lower case, or null when Kiln has none. */
    static RegexLexer lexer(String name) {
        String language = NAMES.get(name);
        if (language == null) {
            return null;
        }
        return switch (language) {
            case "python" -> PythonLexer.LEXER;
            case "java" -> JavaLexer.LEXER;
            case "kotlin" -> KotlinLexer.LEXER;
            case "javascript" -> JavaScriptLexer.JavaScript.LEXER;
            case "typescript" -> JavaScriptLexer.TypeScript.LEXER;
            case "go" -> GoLexer.LEXER;
            case "rust" -> RustLexer.LEXER;
            case "c" -> CLexer.C.LEXER;
            case "cpp" -> CLexer.Cpp.LEXER;
            case "csharp" -> CSharpLexer.LEXER;
            case "shell" -> ShellLexer.SHELL;
            case "console" -> ShellLexer.Console.LEXER;
            case "ruby" -> RubyLexer.LEXER;
            case "php" -> PhpLexer.LEXER;
            case "sql" -> SqlLexer.LEXER;
            case "json" -> JsonLexer.LEXER;
            case "xml" -> MarkupLexer.Xml.LEXER;
            case "html" -> MarkupLexer.Html.LEXER;
            case "css" -> CssLexer.Css.LEXER;
            case "scss" -> CssLexer.Scss.LEXER;
            case "less" -> CssLexer.Less.LEXER;
            case "markdown" -> MarkdownLexer.LEXER;
            case "yaml" -> YamlLexer.LEXER;
            case "dockerfile" -> DockerfileLexer.LEXER;
            case "diff" -> DiffLexer.LEXER;
            case "ini" -> ConfigLexer.Ini.LEXER;
            case "properties" -> ConfigLexer.Properties.LEXER;
            case "toml" -> ConfigLexer.Toml.LEXER;
            case "makefile" -> MakefileLexer.LEXER;
            case "scala" -> JvmLexer.Scala.LEXER;
            case "groovy" -> JvmLexer.Groovy.LEXER;
            case "dart" -> JvmLexer.Dart.LEXER;
            case "lua" -> LuaLexer.LEXER;
            default -> lesserKnown(language);
        };
    }

    /** The lexers of the less common languages: a switch per half, each case loading its class only when asked for. */
    private static RegexLexer lesserKnown(String language) {
        return switch (language) {
            case "r" -> RLexer.LEXER;
            case "perl" -> PerlLexer.LEXER;
            case "haskell" -> HaskellLexer.LEXER;
            case "graphql" -> GraphqlLexer.LEXER;
            case "scheme" -> LispLexer.Scheme.LEXER;
            case "liquid" -> LiquidLexer.LEXER;
            case "swift" -> SwiftLexer.LEXER;
            case "clojure" -> LispLexer.Clojure.LEXER;
            case "lisp" -> LispLexer.CommonLisp.LEXER;
            case "latex" -> LatexLexer.LEXER;
            case "proto" -> KeywordLexer.Protobuf.LEXER;
            case "d" -> KeywordLexer.D.LEXER;
            case "pascal" -> KeywordLexer.Pascal.LEXER;
            case "fortran" -> KeywordLexer.Fortran.LEXER;
            case "tcl" -> KeywordLexer.Tcl.LEXER;
            case "vb" -> KeywordLexer.VisualBasic.LEXER;
            case "batch" -> KeywordLexer.Batch.LEXER;
            case "asm" -> AssemblyLexer.X86.LEXER;
            case "6502" -> AssemblyLexer.Mos6502.LEXER;
            case "handlebars" -> MarkupLexer.Handlebars.LEXER;
            case "jsp" -> MarkupLexer.Jsp.LEXER;
            case "actionscript" -> KeywordLexer.ActionScript.LEXER;
            case "nsis" -> KeywordLexer.Nsis.LEXER;
            case "sas" -> KeywordLexer.Sas.LEXER;
            case "vhdl" -> KeywordLexer.Vhdl.LEXER;
            case "csv" -> ConfigLexer.Csv.LEXER;
            case "apache" -> ConfigLexer.Apache.LEXER;
            case "hosts" -> ConfigLexer.Hosts.LEXER;
            case "dtd" -> MarkupLexer.Dtd.LEXER;
            case "bbcode" -> MarkupLexer.BbCode.LEXER;
            case "mxml" -> MarkupLexer.Xml.LEXER;
            default -> throw new IllegalStateException("no lexer for " + language);
        };
    }

    private static Map<String, String> names(String... languagesAndNames) {
        Map<String, String> names = new TreeMap<>();
        for (int i = 0; i < languagesAndNames.length; i += 2) {
            for (String name : languagesAndNames[i + 1].split(" ")) {
                if (names.put(name, languagesAndNames[i]) != null) {
                    throw new IllegalStateException("name " + name + " given twice");
                }
            }
        }
        return Map.copyOf(names);
    }
}
