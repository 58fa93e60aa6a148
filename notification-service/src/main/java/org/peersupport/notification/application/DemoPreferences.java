package org.peersupport.notification.application;

import java.util.List;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.ContactPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo principals' preferences when demo data is on: every supporter and coordinator of the demo hospitals is
 * told by email at {@code <principal>@demo.peersupport.test}, which the local SMTP server catches (see the README).
 */
@Component
@ConditionalOnProperty(name = "peersupport.demo.enabled", havingValue = "true")
class DemoPreferences implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPreferences.class);
    static final List<String> HOSPITALS = List.of("lakeside", "riverside", "summit");

    private final PreferencesService preferences;

    DemoPreferences(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @Override
    public void run(ApplicationArguments args) {
        int seeded = 0;
        for (String hospital : HOSPITALS) {
            for (String person : List.of(hospital + "-supporter-1", hospital + "-supporter-2",
                    hospital + "-supporter-3", hospital + "-coordinator")) {
                preferences.save(new ContactPreferences(person, hospital, person + "@demo.peersupport.test", null,
                        List.of(Channel.EMAIL), null), person.endsWith("-coordinator"));
                seeded++;
            }
        }
        log.info("demo preferences: {} people told by email", seeded);
    }
}
