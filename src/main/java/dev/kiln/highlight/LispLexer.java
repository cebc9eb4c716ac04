package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.FUNCTION;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.LITERAL;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.VARIABLE;

import java.util.Set;

/**
 * Scheme, after Rouge's lexer, and the other Lisps by the same rules: the head of a form is a
 * keyword, a builtin or a called function, the other names variables; block comments too.
 */
final class LispLexer {
    private LispLexer() {}

    static final class Scheme {
        static final RegexLexer LEXER = build(RegexLexer.wordSet("""
            lambda define if else cond and or case let let* letrec begin do delay set! => quote quasiquote
            unquote unquote-splicing define-syntax let-syntax letrec-syntax syntax-rules"""), RegexLexer.wordSet("""
            * + - / < <= = > >= abs acos angle append apply asin assoc assq assv atan boolean? caaaar caaadr
            caaar caadar caaddr caadr caar cadaar cadadr cadar caddar cadddr caddr cadr
            call-with-current-continuation call-with-input-file call-with-output-file call-with-values call/cc
            car cdaaar cdaadr cdaar cdadar cdaddr cdadr cdar cddaar cddadr cddar cdddar cddddr cdddr cddr cdr
            ceiling char->integer char-alphabetic? char-ci<=? char-ci<? char-ci=? char-ci>=? char-ci>?
            char-downcase char-lower-case? char-numeric? char-ready? char-upcase char-upper-case?
            char-whitespace? char<=? char<? char=? char>=? char>? char? close-input-port close-output-port
            complex? cons cos current-input-port current-output-port denominator display dynamic-wind
            eof-object? eq? equal? eqv? eval even? exact->inexact exact? exp expt floor for-each force gcd
            imag-part inexact->exact inexact? input-port? integer->char integer? interaction-environment lcm
            length list list->string list->vector list-ref list-tail list? load log magnitude make-polar
            make-rectangular make-string make-vector map max member memq memv min modulo negative? newline not
            null-environment null? number->string number? numerator odd? open-input-file open-output-file
            output-port? pair? peek-char port? positive? procedure? quotient rational? rationalize read
            read-char real-part real? remainder reverse round scheme-report-environment set-car! set-cdr! sin
            sqrt string string->list string->number string->symbol string-append string-ci<=? string-ci<?
            string-ci=? string-ci>=? string-ci>? string-copy string-fill! string-length string-ref string-set!
            string<=? string<? string=? string>=? string>? string? substring symbol->string symbol? tan
            transcript-off transcript-on truncate values vector vector->list vector-fill! vector-length
            vector-ref vector-set! vector? with-input-from-file with-output-to-file write write-char zero?"""));
    }

    static final class Clojure {
        static final RegexLexer LEXER = build(RegexLexer.wordSet("""
                def defn defn- defmacro defmulti defmethod defprotocol defrecord deftype definterface defonce fn fn* let
                letfn loop recur if if-not if-let when when-not when-let cond condp case do doseq dotimes for while try
                catch finally throw ns require import use quote var new set! binding monitor-enter monitor-exit
                reify proxy extend-type extend-protocol"""), RegexLexer.wordSet("""
                map filter reduce first rest next cons conj assoc dissoc get get-in assoc-in update update-in str println
                print prn pr inc dec + - * / = not= < > <= >= nil? empty? count apply partial comp identity atom swap!
                reset! deref keys vals into vec vector list hash-map set seq range take drop some every? not and or
                merge select-keys contains? keyword symbol name format mapv filterv sort sort-by group-by frequencies"""));
    }

    static final class CommonLisp {
        static final RegexLexer LEXER = build(RegexLexer.wordSet("""
                defun defvar defparameter defconstant defmacro defclass defmethod defgeneric defstruct defpackage
                in-package defcustom defgroup let let* flet labels lambda if when unless cond case typecase progn prog1
                loop do dolist dotimes return return-from block setq setf push pop and or not declare interactive
                require provide save-excursion unwind-protect handler-case ignore-errors"""), RegexLexer.wordSet("""
                car cdr cons list append mapcar mapc format print princ funcall apply length nth nthcdr reverse
                member assoc equal eq eql null listp consp atom + - * / = < > <= >= 1+ 1- message concat insert
                gethash make-hash-table vector aref"""));
    }

    private static RegexLexer build(Set<String> keywords, Set<String> builtins) {
        String id = "(?i)[a-z0-9!$%&*+,/:<=>?@^_~|.-]+";
        RegexLexer.Action head = (run, start, end) -> {
            String word = run.text.substring(start, end);
            run.emit(keywords.contains(word) ? KEYWORD : builtins.contains(word) ? BUILTIN : FUNCTION, start, end);
        };
        return new RegexLexer.Builder().state("root")
                .rule(";.*", COMMENT)
                .rule("#\\|", "blockComment", COMMENT)
                .rule("\\s+", PLAIN)
                .rule("-?\\d+\\.\\d+|-?\\d+(?:/\\d+)?|[+-]inf[.][f0]", NUMBER)
                .rule("(?i)#b[01]+|#o[0-7]+|#d[0-9]+|#x[0-9a-f]+|#[ei][\\d.]+", NUMBER)
                .rule("\"(?:\\\\\\\\|\\\\\"|[^\"])*+\"", STRING)
                .rule("'" + id, LITERAL)
                .rule("(?i)#\\\\(?:[()/'\"._!$%& ?=+-]|[a-z0-9]+)", STRING)
                .rule("#t(?:rue)?\\b|#f(?:alse)?\\b|\\b(?:nil|true|false|t)\\b(?![-?!*])", LITERAL)
                .rule("(?i):[a-z0-9!$%&*+/<=>?^_~.-][a-z0-9!$%&*+/:<=>?^_~.-]*", LITERAL)
                .rule("(['#])(\\s*)(\\()", LITERAL, PLAIN, PUNCTUATION)
                .rule("'|#|`|,@|,|\\.|\\^|@|~@?", PUNCTUATION)
                .rule("\\(|\\[", "form", PUNCTUATION)
                .rule("\\)|\\]|[{}]", PUNCTUATION)
                .rule(id, VARIABLE)
                .state("form")
                .rule(id, "#pop", head)
                .rule("", "#pop")
                .state("blockComment")
                .rule("\\|#", "#pop", COMMENT)
                .rule("#\\|", "blockComment", COMMENT)
                .rule("[^|#]+|[|#]", COMMENT)
                .build();
    }
}
