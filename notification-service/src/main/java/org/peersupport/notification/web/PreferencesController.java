package org.peersupport.notification.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.peersupport.notification.application.PreferencesService;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.ContactPreferences;
import org.peersupport.notification.domain.QuietHours;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.web.InvalidInputException;
import org.peersupport.platform.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own channel preferences; nobody sets or reads another's. */
@RestController
class PreferencesController {

    private final PreferencesService preferences;

    PreferencesController(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @PutMapping("/api/notification-preferences")
    PreferencesView set(@Valid @RequestBody PreferencesBody body) {
        Caller caller = Caller.current();
        return PreferencesView.of(preferences.set(caller, body.email(), body.phone(),
                body.channels() == null ? List.of() : body.channels(), quietHours(body.quietHours())));
    }

    @GetMapping("/api/notification-preferences")
    PreferencesView mine() {
        return preferences.mine(Caller.current()).map(PreferencesView::of)
                .orElseThrow(() -> new NotFoundException("Preferences"));
    }

    private static QuietHours quietHours(QuietHoursBody body) {
        if (body == null) {
            return null;
        }
        LocalTime from = time("quietHours.from", body.from());
        LocalTime to = time("quietHours.to", body.to());
        ZoneId zone;
        try {
            zone = ZoneId.of(body.zone() == null ? "" : body.zone());
        } catch (DateTimeException e) {
            throw new InvalidInputException("quietHours.zone", "is not a time zone, e.g. America/New_York");
        }
        return new QuietHours(from, to, zone);
    }

    private static LocalTime time(String field, String value) {
        try {
            return LocalTime.parse(value == null ? "" : value);
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "is not a time of day, e.g. 22:00");
        }
    }

    record QuietHoursBody(@Size(max = 8) String from, @Size(max = 8) String to, @Size(max = 64) String zone) {
    }

    record PreferencesBody(@Size(max = 254, message = "at most 254 characters") String email,
            @Size(max = 32, message = "at most 32 characters") String phone,
            @Size(max = 2, message = "EMAIL and SMS at most") List<Channel> channels,
            @Valid QuietHoursBody quietHours) {

        @Override
        public String toString() {
            return "PreferencesBody[redacted]";
        }
    }

    record PreferencesView(String email, String phone, List<Channel> channels, QuietHoursBody quietHours) {

        static PreferencesView of(ContactPreferences p) {
            QuietHours q = p.quietHours();
            return new PreferencesView(p.email(), p.phone(), p.channels(), q == null ? null
                    : new QuietHoursBody(q.from().toString(), q.to().toString(), q.zone().getId()));
        }

        @Override
        public String toString() {
            return "PreferencesView[redacted]";
        }
    }
}
