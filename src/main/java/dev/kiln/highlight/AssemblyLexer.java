package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.ATTRIBUTE;
import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.META;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;

import java.util.Locale;
import java.util.Set;

/** Assembly, x86 (NASM, GAS) and 6502: labels, instructions, registers, directives, numbers in every base. */
final class AssemblyLexer {
    private AssemblyLexer() {}

    static final class X86 {
        static final RegexLexer LEXER = build(RegexLexer.wordSet("""
                al ah ax eax rax bl bh bx ebx rbx cl ch cx ecx rcx dl dh dx edx rdx si esi rsi di edi rdi sp esp rsp
                bp ebp rbp ip eip rip r8 r9 r10 r11 r12 r13 r14 r15 r8d r9d r10d r11d r12d r13d r14d r15d cs ds es
                fs gs ss xmm0 xmm1 xmm2 xmm3 xmm4 xmm5 xmm6 xmm7 st0 st1 cr0 cr3"""), RegexLexer.wordSet("""
                section segment global extern bits org db dw dd dq dt resb resw resd resq times equ align default
                struc endstruc macro endmacro byte word dword qword ptr offset"""));
    }

    static final class Mos6502 {
        static final RegexLexer LEXER = build(RegexLexer.wordSet("a x y"), RegexLexer.wordSet("""
                org byte word db dw dc ds include incbin equ macro endm if else endif"""));
    }

    private static RegexLexer build(Set<String> registers, Set<String> directives) {
        RegexLexer.Action word = (run, start, end) -> {
            String text = run.text.substring(start, end).toLowerCase(Locale.ROOT);
            run.emit(registers.contains(text) ? BUILTIN : directives.contains(text) ? META : PLAIN, start, end);
        };
        return new RegexLexer.Builder().state("root")
                .rule("[;#].*|//.*|/\\*(?s:.*?)\\*/", COMMENT)
                .rule("[ \\t\\r]+|\\n", PLAIN)
                .rule("^[ \\t]*([.\\w$@]+)(:)", ATTRIBUTE, PUNCTUATION)
                .rule("^([ \\t]*)(\\.?[A-Za-z][\\w.]*)", "operands", PLAIN, (run, start, end) -> {
                    String text = run.text.substring(start, end).toLowerCase(Locale.ROOT);
                    run.emit(text.startsWith(".") || directives.contains(text) ? META : KEYWORD, start, end);
                })
                .include("operands")
                .state("operands")
                .rule("\\n", "#pop", PLAIN)
                .rule("[;#].*|//.*", COMMENT)
                .rule("[ \\t\\r]+", PLAIN)
                .rule("\"(?:\\\\.|[^\"\\\\\\n])*+\"|'(?:\\\\.|[^'\\\\\\n])*+'", STRING)
                .rule("(?i)#?(?:\\$[0-9a-f]+|0x[0-9a-f]+|[0-9][0-9a-f]*h\\b|%[01]+|0b[01]+|\\d+)", NUMBER)
                .rule("%[a-z]\\w*", BUILTIN)
                .rule("[.\\w$@]+", word)
                .rule("[-+*/%&|^~<>=!(),\\[\\]:#]", PUNCTUATION)
                .build();
    }
}
