package org.peersupport.platform.test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Rules every service holds itself to: {@code @ArchTest static final ArchTests rules = ArchTests.in(ArchitectureRules.class);} */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The domain is plain Java: no Spring, Kafka, MongoDB or JSON library, and of the platform only its kernel. */
    @ArchTest
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "tools.jackson..", "com.fasterxml.jackson..", "jakarta..")
                    .or(resideInAPackage("org.peersupport.platform..")
                            .and(not(resideInAPackage("org.peersupport.platform.kernel..")))))
            .because("domain logic must not depend on frameworks or storage; the platform's kernel is plain Java");

    /** Only the messaging adapters know Cloud Stream and Kafka. */
    @ArchTest
    public static final ArchRule ONLY_MESSAGING_KNOWS_KAFKA = noClasses().that()
            .resideOutsideOfPackages("..messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                    "org.springframework.cloud.stream..")
            .because("the messaging package is the only place that knows Kafka");

    /** Only the persistence adapters know MongoDB: its template, its driver and BSON. */
    @ArchTest
    public static final ArchRule ONLY_PERSISTENCE_KNOWS_MONGO = noClasses().that()
            .resideOutsideOfPackages("..persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb.core..",
                    "com.mongodb..", "org.bson..")
            .because("the persistence package is the only place that knows MongoDB; queries are its components");

    /** Controllers go through the application layer, never straight to stored documents or queries. */
    @ArchTest
    public static final ArchRule WEB_DOES_NOT_REACH_PERSISTENCE = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..persistence..")
            .because("web speaks to the application layer, which owns the use cases");
}
