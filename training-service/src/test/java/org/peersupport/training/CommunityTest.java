package org.peersupport.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Member hospitals, added by the network admin only, and the compendium each hospital sees. */
@ServiceTest
class CommunityTest {

    @LocalServerPort
    int port;

    @Test
    void onlyTheNetworkAdminAddsAHospitalAndEveryoneSeesTheMembers() {
        Api api = Api.local(port);
        String hospital = "h-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"hospitalId\":\"" + hospital + "\",\"name\":\"Valley Regional\",\"coordinatorIds\":[\""
                + hospital + "-coordinator\"]}";

        assertThat(api.post("/api/hospitals", TestTokens.token("lakeside-coordinator", "lakeside", "coordinator"),
                body).status()).isEqualTo(403);
        assertThat(api.post("/api/hospitals", TestTokens.token("network-admin", null, "admin"), body).status())
                .isEqualTo(201);
        assertThat(api.post("/api/hospitals", TestTokens.token("network-admin", null, "admin"),
                "{\"hospitalId\":\"Not An Id\",\"name\":\"x\"}").body()).contains("hospitalId");

        assertThat(api.get("/api/hospitals", TestTokens.token("summit-staff-1", "summit", "staff")).json()
                .findValuesAsString("hospitalId")).contains(hospital);
    }

    @Test
    void aResourceIsFoundByTagOrTextByThoseItIsSharedWith() {
        Api api = Api.local(port);
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String coordinator = TestTokens.token("lakeside-coordinator", "lakeside", "coordinator");
        assertThat(api.post("/api/hospitals/lakeside/resources", coordinator, "{\"title\":\"Second victim toolkit\","
                + "\"url\":\"https://example.org/toolkit\",\"tags\":[\"" + tag + "\",\"toolkit\"],"
                + "\"visibleTo\":\"COMMUNITY\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/hospitals/lakeside/resources", coordinator, "{\"title\":\"Lakeside EAP rota\","
                + "\"url\":\"https://lakeside.example/eap\",\"tags\":[\"" + tag + "\"],\"visibleTo\":\"HOSPITAL\"}")
                .status()).isEqualTo(201);
        assertThat(api.post("/api/hospitals/lakeside/resources", coordinator,
                "{\"title\":\"x\",\"url\":\"javascript:alert(1)\"}").body()).contains("url");

        String riverside = TestTokens.token("riverside-staff-1", "riverside", "staff");
        String lakeside = TestTokens.token("lakeside-staff-1", "lakeside", "staff");
        assertThat(api.get("/api/resources?tag=" + tag, riverside).json().findValuesAsString("title"))
                .containsExactly("Second victim toolkit");
        assertThat(api.get("/api/resources?tag=" + tag, lakeside).json().findValuesAsString("title"))
                .containsExactlyInAnyOrder("Second victim toolkit", "Lakeside EAP rota");
        assertThat(api.get("/api/resources?tag=" + tag + "&q=EAP", lakeside).json().findValuesAsString("title"))
                .containsExactly("Lakeside EAP rota");
    }
}
