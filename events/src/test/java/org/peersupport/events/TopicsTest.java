package org.peersupport.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who may publish where: consumers trust an event only from the owner of its topic. */
class TopicsTest {

    @Test
    void everyTopicHasItsOwnOwner() {
        Set<String> owners = new HashSet<>();
        for (String topic : Topics.ALL) {
            String owner = Topics.owner(topic);
            assertThat(topic).isEqualTo("peersupport." + owner + ".v1");
            assertThat(owners.add(owner)).as("one owner per topic: %s", owner).isTrue();
        }
    }

    @Test
    void eachServiceOwnsTheTopicOfTheEventsItPublishes() {
        assertThat(EventType.REQUEST_SUBMITTED.source()).isEqualTo("/peersupport/intake");
        assertThat(EventType.SUPPORTER_CERTIFIED.source()).isEqualTo("/peersupport/training");
        assertThat(EventType.SUPPORTER_ASSIGNED.source()).isEqualTo("/peersupport/matching");
        assertThat(EventType.MATCH_ESCALATED.source()).isEqualTo("/peersupport/matching");
        assertThat(EventType.CHECK_IN_DUE.source()).isEqualTo("/peersupport/followup");
        assertThat(EventType.NOTIFICATION_SENT.source()).isEqualTo("/peersupport/notification");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theSourceOfEveryTypeIsThatOfItsTopicsOwner(EventType type) {
        assertThat(type.source()).isEqualTo(Topics.source(Topics.owner(type.topic())))
                .startsWith("/peersupport/");
    }

    @Test
    void deadLetterAndForeignTopicsHaveNoOwner() {
        assertThatThrownBy(() -> Topics.owner(Topics.deadLetter("matching")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.owner("peersupport.evil.v1")).isInstanceOf(IllegalArgumentException.class);
    }
}
