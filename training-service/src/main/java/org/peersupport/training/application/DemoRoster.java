package org.peersupport.training.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.training.domain.MemberHospital;
import org.peersupport.training.domain.RosterEntry;
import org.peersupport.training.persistence.Community;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo hospitals' supporters (the same principals the dev issuer knows), certified for a year with their
 * units, and the demo hospitals as members of the community, when demo data is on. Seeding is idempotent: a restart certifies nobody twice.
 */
@Component
@ConditionalOnProperty(name = "peersupport.demo.enabled", havingValue = "true")
class DemoRoster implements ApplicationRunner {

    static final List<String> HOSPITALS = List.of("lakeside", "riverside", "summit");
    private static final Logger log = LoggerFactory.getLogger(DemoRoster.class);

    private final RosterService roster;
    private final Community community;
    private final Clock clock;

    DemoRoster(RosterService roster, Community community, Clock clock) {
        this.roster = roster;
        this.community = community;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant until = clock.instant().plus(Duration.ofDays(365));
        int added = 0;
        for (String hospital : HOSPITALS) {
            community.add(new MemberHospital(hospital, "Demo " + hospital.substring(0, 1).toUpperCase(Locale.ROOT)
                    + hospital.substring(1) + " Hospital", List.of(hospital + "-coordinator"), clock.instant()));
            added += certify(RosterEntry.certified(hospital + "-supporter-1", hospital, "Demo Nurse Supporter 1",
                    ClinicalRole.NURSE, "ICU-4", 8, List.of("en"), List.of(Modality.PHONE, Modality.VIDEO), false, 3,
                    until));
            added += certify(RosterEntry.certified(hospital + "-supporter-2", hospital, "Demo Physician Supporter 2",
                    ClinicalRole.PHYSICIAN, "ED-1", 12, List.of("en", "es"),
                    List.of(Modality.PHONE, Modality.IN_PERSON), true, 2, until));
            added += certify(RosterEntry.certified(hospital + "-supporter-3", hospital, "Demo Nurse Supporter 3",
                    ClinicalRole.NURSE, "MED-5", 5, List.of("en", "fr"), List.of(Modality.VIDEO, Modality.IN_PERSON),
                    false, 3, until));
        }
        log.info("demo roster: {} supporters certified now, the rest were there already", added);
    }

    private int certify(RosterEntry entry) {
        return roster.certify(entry) ? 1 : 0;
    }
}
