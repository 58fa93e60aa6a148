package org.peersupport.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.platform.testsupport.EmbeddedMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Keyed id lists on the MongoDB wire protocol: idempotent adds in first-added order, removal, bulk adds. */
class IdListsTest {

    private static final EmbeddedMongo mongo = EmbeddedMongo.shared();

    private MongoTemplate template;
    private IdLists lists;

    @BeforeEach
    void freshStore() {
        template = mongo.template(EmbeddedMongo.freshDatabase());
        lists = new IdLists(template, "waiting", "requestIds");
    }

    @Test
    void aKeyWithNoListHasNoIds() {
        assertThat(lists.of("lakeside")).isEmpty();
    }

    @Test
    void addingTwiceListsOnceInTheOrderFirstAdded() {
        lists.add("lakeside", "r-2");
        lists.add("lakeside", "r-1");
        lists.add("lakeside", "r-2");
        lists.add("riverside", "r-3");

        assertThat(lists.of("lakeside")).containsExactly("r-2", "r-1");
        assertThat(lists.of("riverside")).containsExactly("r-3");
        assertThat(template.getCollection("waiting").countDocuments()).isEqualTo(2);
    }

    @Test
    void removingTakesOnlyThatIdAndRemovingFromNoListChangesNothing() {
        lists.add("lakeside", "r-1");
        lists.add("lakeside", "r-2");

        lists.remove("lakeside", "r-1");
        lists.remove("summit", "r-1");

        assertThat(lists.of("lakeside")).containsExactly("r-2");
        assertThat(lists.of("summit")).isEmpty();
    }

    @Test
    void addAllListsEachKeysIdInOneCallAndIsIdempotent() {
        Map<String, String> offers = new LinkedHashMap<>();
        offers.put("rq-a", "offer-1");
        offers.put("rq-b", "offer-2");
        lists.add("rq-a", "offer-0");

        lists.addAll(offers);
        lists.addAll(offers);
        lists.addAll(Map.of());

        assertThat(lists.of("rq-a")).containsExactly("offer-0", "offer-1");
        assertThat(lists.of("rq-b")).containsExactly("offer-2");
    }
}
