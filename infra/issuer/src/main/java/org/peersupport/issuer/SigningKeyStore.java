package org.peersupport.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/** The RSA signing key, made once and kept as a JWK file so tokens stay valid across restarts. */
final class SigningKeyStore {

    static final String FILE = "signing-key.jwk.json";

    private SigningKeyStore() {
    }

    static RSAKey loadOrCreate(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
                        .generate();
                Path tmp = Files.createTempFile(dir, FILE, ".tmp");
                try {
                    restrict(tmp);
                    Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    // another issuer on the same folder won: use its key
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing key in " + dir, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("bad signing key in " + file, e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing more to do for a dev key
        }
    }
}
