package org.peersupport.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.peersupport.platform.kernel.InvalidValue;

/**
 * How one person wants to be told, set by themselves: their addresses, the outside channels in the order to try
 * them, and quiet hours for non-urgent notices. The in-app inbox needs nothing and is always on. Addresses are
 * sealed at rest and never logged ({@link #toString()}).
 */
public record ContactPreferences(String personId, String hospitalId, String email, String phone,
        List<Channel> channels, QuietHours quietHours) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public ContactPreferences {
        email = blankToNull(email);
        phone = phone == null ? null : blankToNull(phone.replaceAll("[\\s().-]", ""));
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new InvalidValue("email", "is not an email address");
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new InvalidValue("phone", "must be in international form, e.g. +12025550123");
        }
        List<Channel> ordered = new ArrayList<>(new LinkedHashSet<>(channels == null ? List.of() : channels));
        if (ordered.contains(Channel.IN_APP)) {
            throw new InvalidValue("channels", "lists outside channels only (EMAIL, SMS); in-app is always on");
        }
        if (ordered.contains(Channel.EMAIL) && email == null) {
            throw new InvalidValue("email", "is needed for the EMAIL channel");
        }
        if (ordered.contains(Channel.SMS) && phone == null) {
            throw new InvalidValue("phone", "is needed for the SMS channel");
        }
        channels = List.copyOf(ordered);
    }

    /** The address of {@code channel}, or null. */
    public String addressFor(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> phone;
            case IN_APP -> null;
        };
    }

    /** When a notice may go out: now, or for a non-urgent one the end of quiet hours that hold now. */
    public Instant dueFor(Notice notice, Instant now) {
        if (notice.urgent() || quietHours == null) {
            return now;
        }
        return quietHours.endIfWithin(now).orElse(now);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "ContactPreferences[" + personId + ", channels=" + channels + ", addresses redacted]";
    }
}
