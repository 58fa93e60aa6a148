package org.peersupport.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peersupport.platform.PlatformProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** PEERSUPPORT_KEY_ENCRYPTION_KEYSET reaches the key folder through the platform's defaults. */
class KeyEncryptionSettingTest {

    private static final String KEK = KeyEncryptionKey.generateJsonKeyset();

    @TempDir
    Path keys;

    @Test
    void theEnvironmentVariableGivesTheKeyFolderItsKek() throws IOException {
        PlatformProperties properties = bind(Map.of("PEERSUPPORT_KEY_ENCRYPTION_KEYSET", KEK));

        assertThat(properties.crypto().keyEncryptionKeyset()).isEqualTo(KEK);
        assertThat(KeyFolder.of(keys, properties.crypto().keyEncryptionKeyset()).wraps()).isTrue();
        assertThat(properties.toString()).as("the KEK is never printed").doesNotContain(KEK)
                .contains("keyEncryptionKeyset=(set)");
    }

    @Test
    void withoutTheVariableKeysArePlainFiles() throws IOException {
        PlatformProperties properties = bind(Map.of());

        assertThat(KeyFolder.of(keys, properties.crypto().keyEncryptionKeyset()).wraps()).isFalse();
    }

    private static PlatformProperties bind(Map<String, Object> env) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("env", env));
        new YamlPropertySourceLoader().load("defaults", new ClassPathResource("peersupport-defaults.yaml"))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment).bindOrCreate("peersupport", PlatformProperties.class);
    }
}
