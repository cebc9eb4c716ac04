package dev.kiln.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date forms Jekyll accepts and keeps the offset the author wrote, so a post dated
 * {@code 2019-03-18 00:00:00 +0100} stays on March 18 on every machine.
 */
final class DateParser {
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
            + "(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
            + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    private final ZoneId defaultZone;

    DateParser(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
    }

    /** Returns the date, or throws IllegalArgumentException with a message fit for the author. */
    OffsetDateTime parse(String text) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read date '" + text + "'");
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalDateTime time = m.group(4) == null ? day.atStartOfDay() : day.atTime(
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                    m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9)));
            if (m.group(8) == null) {
                return time.atZone(defaultZone).toOffsetDateTime();
            }
            return time.atOffset(offset(m.group(8)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("date '" + text + "' does not exist on the calendar");
        }
    }

    private static ZoneOffset offset(String text) {
        if (text.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = text.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        int sign = text.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
