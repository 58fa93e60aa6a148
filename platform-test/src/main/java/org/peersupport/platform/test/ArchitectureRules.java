package org.peersupport.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Rules every service holds itself to: {@code @ArchTest static final ArchTests rules = ArchTests.in(ArchitectureRules.class);} */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The domain is plain Java: no Spring, Kafka or MongoDB in it. */
    @ArchTest
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "org.peersupport.platform..")
            .because("domain logic must not depend on frameworks or storage (DESIGN.md, STYLE.md)");

    /** Only the messaging adapters know Cloud Stream and Kafka. */
    @ArchTest
    public static final ArchRule ONLY_MESSAGING_KNOWS_KAFKA = noClasses().that()
            .resideOutsideOfPackages("..messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                    "org.springframework.cloud.stream..")
            .because("the messaging package is the only place that knows Kafka");
}
