package org.peersupport.platform.test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule fails on a deliberate violation (archfixture.broken) and holds on code laid out as it says (archfixture.clean). */
class ArchitectureRulesTest {

    private static final JavaClasses BROKEN = new ClassFileImporter()
            .importPackages("org.peersupport.archfixture.broken");
    private static final JavaClasses CLEAN = new ClassFileImporter()
            .importPackages("org.peersupport.archfixture.clean");

    @Test
    void springInTheDomainBreaksThePlainJavaRule() {
        assertBroken(ArchitectureRules.DOMAIN_IS_PLAIN_JAVA, "SpringInDomain", "Environment");
    }

    @Test
    void thePlatformBeyondItsKernelInTheDomainBreaksThePlainJavaRule() {
        assertBroken(ArchitectureRules.DOMAIN_IS_PLAIN_JAVA, "PlatformInDomain", "OutboxDocument");
    }

    @Test
    void mongoOutsidePersistenceBreaksItsRule() {
        assertBroken(ArchitectureRules.ONLY_PERSISTENCE_KNOWS_MONGO, "MongoInApplication", "MongoTemplate");
    }

    @Test
    void kafkaOutsideMessagingBreaksItsRule() {
        assertBroken(ArchitectureRules.ONLY_MESSAGING_KNOWS_KAFKA, "KafkaInApplication", "Producer");
    }

    @Test
    void aControllerReadingDocumentsBreaksTheWebRule() {
        assertBroken(ArchitectureRules.WEB_DOES_NOT_REACH_PERSISTENCE, "ControllerReadingDocuments", "StoredThing");
    }

    @Test
    void codeLaidOutAsTheRulesSayHoldsEveryRule() {
        for (ArchRule rule : List.of(ArchitectureRules.DOMAIN_IS_PLAIN_JAVA,
                ArchitectureRules.ONLY_MESSAGING_KNOWS_KAFKA, ArchitectureRules.ONLY_PERSISTENCE_KNOWS_MONGO,
                ArchitectureRules.WEB_DOES_NOT_REACH_PERSISTENCE)) {
            assertThatCode(() -> rule.check(CLEAN)).doesNotThrowAnyException();
        }
    }

    private static void assertBroken(ArchRule rule, String offender, String dependency) {
        assertThatThrownBy(() -> rule.check(BROKEN)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender).hasMessageContaining(dependency);
    }
}
