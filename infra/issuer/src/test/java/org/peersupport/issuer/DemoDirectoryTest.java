package org.peersupport.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoDirectoryTest {

    @Test
    void everyHospitalHasItsSevenPrincipalsAndThereIsOneAdmin() {
        assertThat(DemoDirectory.all()).hasSize(3 * 7 + 1);
        for (String h : DemoDirectory.HOSPITALS) {
            assertThat(DemoDirectory.all().stream().filter(p -> h.equals(p.hospital())))
                    .extracting(DemoDirectory.Principal::name)
                    .containsExactlyInAnyOrder(h + "-staff-1", h + "-staff-2", h + "-supporter-1", h + "-supporter-2",
                            h + "-supporter-3", h + "-coordinator", h + "-system");
        }
        assertThat(DemoDirectory.find(h("lakeside", "supporter-2")).orElseThrow().profession()).isEqualTo("physician");
        assertThat(DemoDirectory.find(h("summit", "supporter-3")).orElseThrow().profession()).isEqualTo("nurse");
        assertThat(DemoDirectory.find("riverside-system").orElseThrow().roles()).containsExactly("hospital-system");
        DemoDirectory.Principal admin = DemoDirectory.find("network-admin").orElseThrow();
        assertThat(admin.hospital()).isNull();
        assertThat(admin.roles()).containsExactly("admin");
        assertThat(DemoDirectory.all()).extracting(DemoDirectory.Principal::name).doesNotHaveDuplicates();
    }

    private static String h(String hospital, String suffix) {
        return hospital + "-" + suffix;
    }
}
