package org.peersupport.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peersupport.platform.kernel.InvalidValue;

class ContactTest {

    @ParameterizedTest
    @ValueSource(strings = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
            "\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad"})
    void aNameHoldingAnInvisibleOrDirectionChangingCharacterIsRefusedByName(String invisible) {
        assertThatThrownBy(() -> new Contact("Sam" + invisible + "Q", "+16035550199", null))
                .isInstanceOfSatisfying(InvalidValue.class, refused -> {
                    assertThat(refused.field()).isEqualTo("contact.name");
                    assertThat(refused.getMessage()).doesNotContain("Sam");
                });
    }

    @Test
    void anEmailHoldingAZeroWidthSpaceIsRefusedByName() {
        assertThatThrownBy(() -> new Contact("Sam Q", null, "sam\u200b@example.org"))
                .isInstanceOfSatisfying(InvalidValue.class,
                        refused -> assertThat(refused.field()).isEqualTo("contact.email"));
    }

    @Test
    void namesInAnyScriptAreWelcome() {
        assertThat(new Contact("Zoë Ó Briain-محمد 李", "+16035550199", null).name()).contains("李");
    }

    @Test
    void theContactMethodMustBeOneTheDetailsAllow() {
        Contact phoneOnly = new Contact("Sam Q", "+16035550199", null);

        assertThat(ContactPreference.forContact(phoneOnly, null, null))
                .isEqualTo(new ContactPreference(ContactMethod.PHONE, ContactWindow.ANYTIME));
        assertThat(ContactPreference.forContact(phoneOnly, ContactMethod.TEXT, ContactWindow.EVENING).method())
                .isEqualTo(ContactMethod.TEXT);
        assertThatThrownBy(() -> ContactPreference.forContact(phoneOnly, ContactMethod.EMAIL, null))
                .isInstanceOfSatisfying(InvalidValue.class,
                        refused -> assertThat(refused.field()).isEqualTo("contactMethod"));
        assertThat(ContactPreference.forContact(new Contact("Sam Q", null, "sam@example.org"), null, null).method())
                .isEqualTo(ContactMethod.EMAIL);
    }
}
