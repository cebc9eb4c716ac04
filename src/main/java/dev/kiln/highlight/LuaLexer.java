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

import java.util.Set;

/** Lua, after Rouge's lexer: the standard library's functions as builtins, long strings and comments. */
final class LuaLexer {
    private LuaLexer() {}

    private static final Set<String> BUILTINS = RegexLexer.wordSet("""
            _g _version assert collectgarbage dofile error getmetatable ipairs load loadfile next pairs pcall print
            rawequal rawget rawlen rawset select setmetatable tonumber tostring type xpcall lua_cpath lua_cpath_5_3
            lua_init lua_init_5_3 lua_path lua_path_5_3 luaopen_base luaopen_coroutine luaopen_debug luaopen_io
            luaopen_math luaopen_os luaopen_package luaopen_string luaopen_table luaopen_utf8 lua_errerr lua_errfile
            lua_errgcmm lua_errmem lua_errrun lua_errsyntax lua_hookcall lua_hookcount lua_hookline lua_hookret
            lua_hooktailcall lua_maskcall lua_maskcount lua_maskline lua_maskret lua_maxinteger lua_mininteger
            lua_minstack lua_multret lua_noref lua_ok lua_opadd lua_opband lua_opbnot lua_opbor lua_opbxor lua_opdiv
            lua_opeq lua_opidiv lua_ople lua_oplt lua_opmod lua_opmul lua_oppow lua_opshl lua_opshr lua_opsub lua_opunm
            lua_refnil lua_registryindex lua_ridx_globals lua_ridx_mainthread lua_tboolean lua_tfunction
            lua_tlightuserdata lua_tnil lua_tnone lua_tnumber lua_tstring lua_ttable lua_tthread lua_tuserdata
            lua_use_apicheck lua_yield lual_buffersize require package.config package.cpath package.loaded
            package.loadlib package.path package.preload package.searchers package.searchpath coroutine.create
            coroutine.isyieldable coroutine.resume coroutine.running coroutine.status coroutine.wrap coroutine.yield
            debug.debug debug.gethook debug.getinfo debug.getlocal debug.getmetatable debug.getregistry
            debug.getupvalue debug.getuservalue debug.sethook debug.setlocal debug.setmetatable debug.setupvalue
            debug.setuservalue debug.traceback debug.upvalueid debug.upvaluejoin io.close io.flush io.input io.lines
            io.open io.output io.popen io.read io.stderr io.stdin io.stdout io.tmpfile io.type io.write math.abs
            math.acos math.asin math.atan math.ceil math.cos math.deg math.exp math.floor math.fmod math.huge math.log
            math.max math.maxinteger math.min math.mininteger math.modf math.pi math.rad math.random math.randomseed
            math.sin math.sqrt math.tan math.tointeger math.type math.ult os.clock os.date os.difftime os.execute
            os.exit os.getenv os.remove os.rename os.setlocale os.time os.tmpname string.byte string.char string.dump
            string.find string.format string.gmatch string.gsub string.len string.lower string.match string.pack
            string.packsize string.rep string.reverse string.sub string.unpack string.upper table.concat table.insert
            table.move table.pack table.remove table.sort table.unpack utf8.char utf8.charpattern utf8.codepoint
            utf8.codes utf8.len utf8.offset""");

    private static final RegexLexer.Action NAME = (run, start, end) -> {
        String name = run.text.substring(start, end);
        int dot = name.indexOf('.');
        if (BUILTINS.contains(name)) {
            run.emit(BUILTIN, start, end);
        } else if (dot > 0) {
            run.emit(PLAIN, start, start + dot);
            run.emit(PUNCTUATION, start + dot, start + dot + 1);
            run.emit(PLAIN, start + dot + 1, end);
        } else {
            run.emit(PLAIN, start, end);
        }
    };

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .rule("\\A#!.*", META)
            .rule("--\\[(=*)\\[(?s:.*?)\\]\\1\\]", COMMENT)
            .rule("--.*", COMMENT)
            .rule("(?i)(?:\\d*\\.\\d+|\\d+\\.\\d*)(?:e[+-]?\\d+)?|\\d+e[+-]?\\d+|0x[0-9a-f]*|\\d+", NUMBER)
            .rule("\\s", PLAIN)
            .rule("\\[(=*)\\[(?s:.*?)\\]\\1\\]", STRING)
            .rule("==|~=|<=|>=|\\.\\.\\.|\\.\\.|[=+\\-*/%^<>#]|[\\[\\]{}().,:;]", PUNCTUATION)
            .ruleIn(RegexLexer.wordSet("and or not break do else elseif end for if in repeat return then until while local"), "\\w+\\b", "", KEYWORD)
            .rule("(?:true|false|nil)\\b", LITERAL)
            .rule("function\\b", "functionName", KEYWORD)
            .rule("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?", NAME)
            .rule("'", "single", STRING)
            .rule("\"", "double", STRING)
            .state("functionName")
            .rule("\\s+", PLAIN)
            .rule("(?:([A-Za-z_][A-Za-z0-9_]*)([.:]))?([A-Za-z_][A-Za-z0-9_]*)", "#pop", TYPE, PUNCTUATION, FUNCTION)
            .rule("\\(", "#pop", PUNCTUATION)
            .rule("", "#pop")
            .state("single")
            .rule("\\\\(?:[abfnrtv\\\\\"']|\\d{1,3})", STRING)
            .rule("'", "#pop", STRING)
            .rule("[^'\\\\]+|\\\\", STRING)
            .state("double")
            .rule("\\\\(?:[abfnrtv\\\\\"']|\\d{1,3})", STRING)
            .rule("\"", "#pop", STRING)
            .rule("[^\"\\\\]+|\\\\", STRING)
            .build();
}
