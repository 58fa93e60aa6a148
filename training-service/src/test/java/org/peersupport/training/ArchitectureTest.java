package org.peersupport.training;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.peersupport.platform.test.ArchitectureRules;

@AnalyzeClasses(packages = "org.peersupport.training", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;

    @ArchTest
    static final ArchRule onlyMessagingKnowsKafka = ArchitectureRules.ONLY_MESSAGING_KNOWS_KAFKA;
}
