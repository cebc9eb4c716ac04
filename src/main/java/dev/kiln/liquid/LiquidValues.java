package dev.kiln.liquid;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Liquid's values as Java holds them: null (nil), Boolean, Long, Double, String, List, Map with
 * String keys, OffsetDateTime (a Ruby Time), {@link Range}; and how Liquid prints and compares them.
 */
final class LiquidValues {
    private LiquidValues() {}

    /** {@code (1..5)}: both ends included. */
    record Range(long from, long to) {
        List<Object> toList() {
            return java.util.stream.LongStream.rangeClosed(from, to).<Object>mapToObj(Long::valueOf).toList();
        }

        @Override
        public String toString() {
            return from + ".." + to;
        }
    }

    /** A value Kiln cannot give (another post's rendered content, say): reading it is an error saying why. */
    record Unavailable(String reason, String hint) {}

    /** Numbers from YAML (Integer, BigInteger, …) as Long or Double, the two Liquid computes with. */
    static Object normal(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big.doubleValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigDecimal d) {
            return d.doubleValue();
        }
        return value;
    }

    static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value);
    }

    /** How {@code {{ value }}} prints it, as Liquid on Ruby does. */
    static String show(Object value) {
        value = normal(value);
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d) {
            return showDouble(d);
        }
        if (value instanceof OffsetDateTime date) {
            return Strftime.format(date, "%Y-%m-%d %H:%M:%S %z");
        }
        if (value instanceof Collection<?> list) {
            StringBuilder out = new StringBuilder();
            list.forEach(v -> out.append(show(v)));
            return out.toString();
        }
        if (value instanceof Map<?, ?> map) {
            return inspect(map);
        }
        return String.valueOf(value);
    }

    /** Ruby's {@code Float#to_s}: {@code 3.0}, {@code 0.1}, {@code 1.0e+20}. */
    static String showDouble(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return BigDecimal.valueOf(d).setScale(1, java.math.RoundingMode.UNNECESSARY).toPlainString();
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        String exponent = s.substring(e + 1);
        if (Math.abs(d) >= 1e-4 && Math.abs(d) < 1e16) {
            return new BigDecimal(s).toPlainString();
        }
        return mantissa + "e" + (exponent.startsWith("-") ? exponent : "+" + exponent).replaceFirst("([+-])(\\d)$", "$10$2");
    }

    /** Ruby's {@code inspect}, for hashes and arrays printed whole. */
    static String inspect(Object value) {
        value = normal(value);
        if (value == null) {
            return "nil";
        }
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((k, v) -> {
                if (!(v instanceof Unavailable)) {
                    out.append(out.length() > 1 ? ", " : "").append(inspect(k)).append("=>").append(inspect(v));
                }
            });
            return out.append('}').toString();
        }
        if (value instanceof Collection<?> list) {
            StringBuilder out = new StringBuilder("[");
            list.forEach(v -> out.append(out.length() > 1 ? ", " : "").append(inspect(v)));
            return out.append(']').toString();
        }
        return show(value);
    }

    /** Ruby's {@code ==}: 1 == 1.0, "1" != 1. */
    static boolean equal(Object a, Object b) {
        a = normal(a);
        b = normal(b);
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof Range r && b instanceof Range s) {
            return r.equals(s);
        }
        if (a instanceof Collection<?> x && b instanceof Collection<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            var i = y.iterator();
            for (Object v : x) {
                if (!equal(v, i.next())) {
                    return false;
                }
            }
            return true;
        }
        return java.util.Objects.equals(a, b);
    }

    /** Liquid's {@code empty}: an empty string, array or hash. */
    static boolean isEmpty(Object value) {
        return value instanceof String s && s.isEmpty() || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }

    /** Liquid's {@code blank}: nil, false, or empty, or a string of whitespace. */
    static boolean isBlank(Object value) {
        return value == null || Boolean.FALSE.equals(value) || isEmpty(value) || value instanceof String s && s.isBlank();
    }

    /** The items a {@code for} loop or an array filter walks: a list, a range, a hash's [key, value] pairs, or the value alone. */
    static List<Object> items(Object value) {
        value = normal(value);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return java.util.Collections.unmodifiableList(list);
        }
        if (value instanceof Collection<?> c) {
            return List.copyOf(c);
        }
        if (value instanceof Range r) {
            return r.toList();
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().<Object>map(e -> java.util.Arrays.asList(e.getKey(), e.getValue())).toList();
        }
        return List.of(value);
    }

    static String typeName(Object value) {
        value = normal(value);
        if (value == null) {
            return "nil";
        }
        if (value instanceof String) {
            return "String";
        }
        if (value instanceof Long) {
            return "Integer";
        }
        if (value instanceof Double) {
            return "Float";
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (value instanceof Collection<?>) {
            return "Array";
        }
        if (value instanceof Map<?, ?>) {
            return "Hash";
        }
        if (value instanceof OffsetDateTime) {
            return "Time";
        }
        return value.getClass().getSimpleName();
    }
}
