package org.peersupport.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peersupport.platform.crypto.DataKeys.DataKey;
import org.peersupport.platform.crypto.FieldCipher.FieldRef;

class DataKeysTest {

    private static final String SECRET = "Jane Doe, +1 603 555 0142";
    private static final FieldRef KEY_AT = new FieldRef("hosp-1", "requests", "req-1", "dataKey");
    private static final FieldRef NAME = new FieldRef("hosp-1", "requests", "req-1", "contact.name");

    @TempDir
    Path keys;

    @Test
    void aRecordsDataKeySealsAndOpensItsFieldsBoundToWhereTheyAre() {
        DataKeys dataKeys = new DataKeys(new FieldCipher(keys));
        String wrapped = dataKeys.newWrappedKey(KEY_AT);
        DataKey key = dataKeys.open(KEY_AT, wrapped);

        String sealed = key.encrypt(NAME, SECRET);

        assertThat(sealed).startsWith("k1:").doesNotContain("Jane");
        assertThat(DataKeys.sealedWithDataKey(sealed)).isTrue();
        assertThat(DataKeys.sealedWithDataKey("v1:abc")).isFalse();
        assertThat(dataKeys.open(KEY_AT, wrapped).decrypt(NAME, sealed)).isEqualTo(SECRET);
        assertThatThrownBy(() -> key.decrypt(new FieldRef("hosp-1", "requests", "req-2", "contact.name"), sealed))
                .as("a value copied to another document").isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(SECRET);
        assertThat(key.toString()).doesNotContain(wrapped);
    }

    @Test
    void eachRecordHasItsOwnKeyAndAWrappedKeyOpensOnlyWhereItWasMadeFor() {
        DataKeys dataKeys = new DataKeys(new FieldCipher(keys));
        String wrapped = dataKeys.newWrappedKey(KEY_AT);
        String another = dataKeys.newWrappedKey(KEY_AT);
        String sealed = dataKeys.open(KEY_AT, wrapped).encrypt(NAME, SECRET);

        assertThatThrownBy(() -> dataKeys.open(KEY_AT, another).decrypt(NAME, sealed))
                .as("another record's key").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> dataKeys.open(new FieldRef("hosp-1", "requests", "req-9", "dataKey"), wrapped))
                .as("a wrapped key copied to another record").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new DataKeys(new FieldCipher(keys.resolve("other"))).open(KEY_AT, wrapped))
                .as("another service's master keyset").isInstanceOf(IllegalStateException.class);
    }
}
