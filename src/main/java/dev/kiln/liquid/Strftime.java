package dev.kiln.liquid;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Ruby's {@code Time#strftime}, as Jekyll's {@code date} filter runs it: every directive Ruby has
 * (composites such as {@code %c} and {@code %F} included), with the flags {@code -}, {@code _},
 * {@code 0}, {@code ^}, {@code #} and a width, in English. Checked against Ruby 3.1 on the cases
 * of {@code StrftimeTest}.
 */
final class Strftime {
    private static final String DIRECTIVES = "YCymdejHkIlMSLNpPAauwBbhUWVGgZzsntcxXDFTRrv%";

    private Strftime() {}

    /** The first directive of {@code format} that Ruby does not know, or null. */
    static String unknownDirective(String format) {
        for (int i = 0; i < format.length(); i++) {
            if (format.charAt(i) != '%') {
                continue;
            }
            int d = i + 1;
            while (d < format.length() && "-_0^#:".indexOf(format.charAt(d)) >= 0 || d < format.length() && Character.isDigit(format.charAt(d))) {
                d++;
            }
            if (d >= format.length()) {
                return format.substring(i);
            }
            if (DIRECTIVES.indexOf(format.charAt(d)) < 0) {
                return format.substring(i, d + 1);
            }
            i = d;
        }
        return null;
    }

    static String format(OffsetDateTime date, String format) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            int d = i + 1;
            String flags = "";
            while (d < format.length() && "-_0^#".indexOf(format.charAt(d)) >= 0) {
                flags += format.charAt(d++);
            }
            int colons = 0;
            while (d < format.length() && format.charAt(d) == ':') {
                colons++;
                d++;
            }
            int width = -1;
            while (d < format.length() && Character.isDigit(format.charAt(d))) {
                width = Math.max(width, 0) * 10 + (format.charAt(d++) - '0');
            }
            if (d >= format.length()) {
                out.append(format, i, format.length());
                return out.toString();
            }
            String value = directive(date, format.charAt(d), flags, width, colons);
            out.append(value == null ? format.substring(i, d + 1) : value);
            i = d;
        }
        return out.toString();
    }

    private static String directive(OffsetDateTime t, char d, String flags, int width, int colons) {
        boolean upper = flags.indexOf('^') >= 0 || flags.indexOf('#') >= 0;
        return switch (d) {
            case 'Y' -> number(t.getYear(), flags, width, 1, '0');
            case 'C' -> number(Math.floorDiv(t.getYear(), 100), flags, width, 2, '0');
            case 'y' -> number(Math.floorMod(t.getYear(), 100), flags, width, 2, '0');
            case 'm' -> number(t.getMonthValue(), flags, width, 2, '0');
            case 'd' -> number(t.getDayOfMonth(), flags, width, 2, '0');
            case 'e' -> number(t.getDayOfMonth(), flags, width, 2, ' ');
            case 'j' -> number(t.getDayOfYear(), flags, width, 3, '0');
            case 'H' -> number(t.getHour(), flags, width, 2, '0');
            case 'k' -> number(t.getHour(), flags, width, 2, ' ');
            case 'I' -> number(hour12(t), flags, width, 2, '0');
            case 'l' -> number(hour12(t), flags, width, 2, ' ');
            case 'M' -> number(t.getMinute(), flags, width, 2, '0');
            case 'S' -> number(t.getSecond(), flags, width, 2, '0');
            case 'L' -> fraction(t, width < 0 ? 3 : width);
            case 'N' -> fraction(t, width < 0 ? 9 : width);
            case 'p' -> text(t.getHour() < 12 ? (flags.indexOf('#') >= 0 ? "am" : "AM") : (flags.indexOf('#') >= 0 ? "pm" : "PM"),
                    flags, width, false);
            case 'P' -> text(t.getHour() < 12 ? "am" : "pm", flags, width, false);
            case 'A' -> text(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), flags, width, upper);
            case 'a' -> text(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), flags, width, upper);
            case 'u' -> number(t.getDayOfWeek().getValue(), flags, width, 1, '0');
            case 'w' -> number(t.getDayOfWeek().getValue() % 7, flags, width, 1, '0');
            case 'B' -> text(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), flags, width, upper);
            case 'b', 'h' -> text(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), flags, width, upper);
            case 'U' -> number((t.getDayOfYear() + 6 - t.getDayOfWeek().getValue() % 7) / 7, flags, width, 2, '0');
            case 'W' -> number((t.getDayOfYear() + 6 - (t.getDayOfWeek().getValue() + 6) % 7) / 7, flags, width, 2, '0');
            case 'V' -> number(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), flags, width, 2, '0');
            case 'G' -> number(t.get(IsoFields.WEEK_BASED_YEAR), flags, width, 1, '0');
            case 'g' -> number(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), flags, width, 2, '0');
            case 'Z' -> text(t.getOffset().equals(ZoneOffset.UTC) ? "UTC" : "", flags, width, upper);
            case 'z' -> offset(t.getOffset(), colons);
            case 's' -> number(t.toEpochSecond(), flags, width, 1, '0');
            case 'n' -> "\n";
            case 't' -> "\t";
            case '%' -> "%";
            case 'c' -> text(format(t, "%a %b %e %H:%M:%S %Y"), flags, width, upper);
            case 'x', 'D' -> text(format(t, "%m/%d/%y"), flags, width, upper);
            case 'X', 'T' -> text(format(t, "%H:%M:%S"), flags, width, upper);
            case 'F' -> text(format(t, "%Y-%m-%d"), flags, width, upper);
            case 'R' -> text(format(t, "%H:%M"), flags, width, upper);
            case 'r' -> text(format(t, "%I:%M:%S %p"), flags, width, upper);
            case 'v' -> text(format(t, "%e-%^b-%4Y"), flags, width, upper);
            default -> null;
        };
    }

    private static int hour12(OffsetDateTime t) {
        return t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    }

    /** A number padded as Ruby pads it: {@code -} none, {@code _} spaces, {@code 0} zeros, else the directive's own. */
    private static String number(long value, String flags, int width, int naturalWidth, char naturalPad) {
        String digits = Long.toString(Math.abs(value));
        if (flags.indexOf('-') >= 0) {
            return (value < 0 ? "-" : "") + digits;
        }
        char pad = flags.indexOf('_') >= 0 ? ' ' : flags.indexOf('0') >= 0 ? '0' : naturalPad;
        int w = width >= 0 ? width : naturalWidth;
        String sign = value < 0 ? "-" : "";
        int missing = w - digits.length() - sign.length();
        if (missing <= 0) {
            return sign + digits;
        }
        return pad == '0' ? sign + "0".repeat(missing) + digits : " ".repeat(missing) + sign + digits;
    }

    private static String text(String value, String flags, int width, boolean upper) {
        String s = upper ? value.toUpperCase(Locale.ROOT) : value;
        if (width > s.length() && flags.indexOf('-') < 0) {
            char pad = flags.indexOf('0') >= 0 ? '0' : ' ';
            s = String.valueOf(pad).repeat(width - s.length()) + s;
        }
        return s;
    }

    private static String fraction(OffsetDateTime t, int digits) {
        String nanos = String.format(Locale.ROOT, "%09d", t.get(ChronoField.NANO_OF_SECOND));
        return digits <= 9 ? nanos.substring(0, digits) : nanos + "0".repeat(digits - 9);
    }

    private static String offset(ZoneOffset offset, int colons) {
        int seconds = offset.getTotalSeconds();
        String sign = seconds < 0 ? "-" : "+";
        seconds = Math.abs(seconds);
        String hours = String.format(Locale.ROOT, "%02d", seconds / 3600);
        String minutes = String.format(Locale.ROOT, "%02d", seconds / 60 % 60);
        return switch (colons) {
            case 0 -> sign + hours + minutes;
            case 1 -> sign + hours + ":" + minutes;
            default -> sign + hours + ":" + minutes + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
        };
    }
}
