package org.peersupport.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.ContactPreferences;
import org.peersupport.notification.domain.QuietHours;
import org.peersupport.notification.persistence.PreferencesDocument;
import org.peersupport.notification.persistence.Preferences;
import org.peersupport.platform.crypto.FieldCipher;
import org.peersupport.platform.crypto.FieldCipher.FieldRef;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.springframework.stereotype.Service;

/**
 * Each person's own channel preferences: set and read only by themselves, addresses sealed at rest with the
 * hospital's keyset (the same {@link FieldCipher} that seals intake's contact details) and never logged.
 */
@Service
public class PreferencesService {

    private final Preferences preferences;
    private final FieldCipher cipher;
    private final Clock clock;

    public PreferencesService(Preferences preferences, FieldCipher cipher, Clock clock) {
        this.preferences = preferences;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The caller sets how they are told; a coordinator is from then on told their hospital's coordinator notices. */
    public ContactPreferences set(Caller caller, String email, String phone, List<Channel> channels,
            QuietHours quietHours) {
        ContactPreferences wanted = new ContactPreferences(caller.subject(), caller.hospital(), email, phone,
                channels, quietHours);
        save(wanted, caller.has(Role.COORDINATOR));
        return wanted;
    }

    /** Stores {@code wanted} as it is (the demo data's way in, and {@link #set}'s). */
    public void save(ContactPreferences wanted, boolean coordinator) {
        String hospital = wanted.hospitalId();
        String person = wanted.personId();
        QuietHours quiet = wanted.quietHours();
        preferences.save(new PreferencesDocument(person, hospital,
                cipher.encrypt(ref(hospital, person, "email"), wanted.email()),
                cipher.encrypt(ref(hospital, person, "phone"), wanted.phone()),
                wanted.channels().stream().map(Channel::name).toList(),
                quiet == null ? null : quiet.from().toString(), quiet == null ? null : quiet.to().toString(),
                quiet == null ? null : quiet.zone().getId(), clock.instant()));
        if (coordinator) {
            preferences.listCoordinator(hospital, person);
        }
    }

    public Optional<ContactPreferences> mine(Caller caller) {
        return of(caller.subject(), caller.hospital());
    }

    /** A person's preferences, opened, if they set some for {@code hospitalId}. */
    public Optional<ContactPreferences> of(String personId, String hospitalId) {
        return preferences.find(personId).filter(p -> p.hospitalId().equals(hospitalId)).map(this::open);
    }

    public List<String> coordinatorsOf(String hospitalId) {
        return preferences.coordinatorsOf(hospitalId);
    }

    private ContactPreferences open(PreferencesDocument stored) {
        String hospital = stored.hospitalId();
        String person = stored.id();
        QuietHours quiet = stored.quietFrom() == null ? null : new QuietHours(LocalTime.parse(stored.quietFrom()),
                LocalTime.parse(stored.quietTo()), ZoneId.of(stored.quietZone()));
        return new ContactPreferences(person, hospital, cipher.decrypt(ref(hospital, person, "email"),
                stored.sealedEmail()), cipher.decrypt(ref(hospital, person, "phone"), stored.sealedPhone()),
                stored.channels().stream().map(Channel::valueOf).toList(), quiet);
    }

    private static FieldRef ref(String hospitalId, String personId, String field) {
        return new FieldRef(hospitalId, PreferencesDocument.COLLECTION, personId, field);
    }

    Instant now() {
        return clock.instant();
    }
}
