package org.peersupport.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class TestInfrastructureTest {

    private final AtomicInteger dockerAsked = new AtomicInteger();

    private BooleanSupplier docker(boolean answers) {
        return () -> {
            dockerAsked.incrementAndGet();
            return answers;
        };
    }

    @Test
    void byDefaultContainersWhereDockerAnswersAndEmbeddedElsewhere() {
        assertThat(TestInfrastructure.choose(null, false, docker(true))).contains(TestInfrastructure.CONTAINERS);
        assertThat(TestInfrastructure.choose("", false, docker(false))).contains(TestInfrastructure.EMBEDDED);
        assertThat(TestInfrastructure.choose("AUTO", false, docker(true))).contains(TestInfrastructure.CONTAINERS);
    }

    @Test
    void containersDemandedWithoutDockerSkipRatherThanFallBack() {
        assertThat(TestInfrastructure.choose("containers", false, docker(false))).isEmpty();
        assertThat(TestInfrastructure.choose("containers", false, docker(true)))
                .contains(TestInfrastructure.CONTAINERS);
    }

    @Test
    void embeddedNeverAsksDocker() {
        assertThat(TestInfrastructure.choose("embedded", false, docker(true))).contains(TestInfrastructure.EMBEDDED);
        assertThat(TestInfrastructure.choose(null, true, docker(true))).contains(TestInfrastructure.EMBEDDED);
        assertThat(dockerAsked).hasValue(0);
    }

    @Test
    void theNewSettingWinsOverTheOldSwitch() {
        assertThat(TestInfrastructure.choose("containers", true, docker(true))).contains(TestInfrastructure.CONTAINERS);
    }

    @Test
    void anUnknownSettingIsRefusedNotGuessed() {
        assertThatThrownBy(() -> TestInfrastructure.choose("docker", false, docker(true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TestInfrastructure.SETTING);
    }

    @Test
    void thisJvmRunsOnWhatItsSettingAndDockerSay() {
        // On a machine without a Docker engine (as where this was written) the default run is embedded; with
        // -Dpeersupport.test.infrastructure=containers it is skipped; with Docker the containers are used.
        Optional<TestInfrastructure> choice = TestInfrastructure.ofThisJvm();
        String setting = System.getProperty(TestInfrastructure.SETTING);
        if ("containers".equals(setting)) {
            assertThat(choice).isIn(Optional.of(TestInfrastructure.CONTAINERS), Optional.empty());
        } else if ("embedded".equals(setting) || Boolean.getBoolean("peersupport.test.embedded")) {
            assertThat(choice).contains(TestInfrastructure.EMBEDDED);
        } else {
            assertThat(choice).isPresent();
        }
    }
}
