package org.peersupport.platform.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;

/**
 * The operator's tool for a key folder: create, rotate and wrap keys offline (a production folder is a read-only
 * Secret mount, so keys are prepared here and then put into the Secret). The KEK comes from
 * {@code PEERSUPPORT_KEY_ENCRYPTION_KEYSET}, as for the services; the README's Keys section shows how to run it.
 */
public final class KeyTool {

    static final String KEK_VARIABLE = "PEERSUPPORT_KEY_ENCRYPTION_KEYSET";

    private static final String USAGE = """
            usage: KeyTool COMMAND ...   (the KEK, if any, in the environment variable %s)
              new-kek                        print a fresh key-encryption keyset (Tink JSON, AES256_GCM)
              rotate-kek                     print the KEK keyset with a new primary key added (then: wrap)
              init DIR [HOSPITAL...]         create the pseudonym key and the hospitals' keysets that are missing
              rotate DIR HOSPITAL            add a new primary key to the hospital's keyset
              add-key DIR HOSPITAL           add a key that decrypts only (step 1 of a rollout to many replicas)
              promote DIR HOSPITAL KEY_ID    make that key primary (step 2, once every replica has the new file)
              wrap DIR                       wrap plaintext key files under the KEK, re-wrap wrapped ones
            """.formatted(KEK_VARIABLE);

    private KeyTool() {
    }

    /** Runs one command; exits 0 on success, 2 on a usage error, 1 on any other failure. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        try {
            String command = args.get(0);
            switch (command) {
                case "new-kek" -> out.println(KeyEncryptionKey.generateJsonKeyset());
                case "rotate-kek" -> out.println(rotatedKek(env.get(KEK_VARIABLE)));
                case "init" -> {
                    KeyFolder folder = folder(args, 2, env);
                    new Pseudonyms(folder);
                    FieldCipher cipher = new FieldCipher(folder);
                    for (String hospital : args.subList(2, args.size())) {
                        cipher.ensureKeyset(hospital);
                    }
                    out.println("keys ready in " + folder.dir() + (folder.wraps() ? " (wrapped)" : " (plaintext)"));
                }
                case "rotate" -> out.println("new primary key " + id(cipher(args, 3, env).rotate(args.get(2))));
                case "add-key" -> out.println("new key " + id(cipher(args, 3, env).addKey(args.get(2)))
                        + " (decrypts only; promote it once every replica has this keyset)");
                case "promote" -> {
                    int keyId = Integer.parseUnsignedInt(args.get(3));
                    cipher(args, 4, env).promote(args.get(2), keyId);
                    out.println("key " + id(keyId) + " is primary");
                }
                case "wrap" -> out.println("wrapped " + folder(args, 2, env).wrapAll() + " key files");
                default -> throw new UsageException("unknown command " + command);
            }
            return 0;
        } catch (UsageException | IndexOutOfBoundsException | NumberFormatException e) {
            err.println(e instanceof UsageException ? e.getMessage() : "wrong arguments");
            err.print(USAGE);
            return 2;
        } catch (RuntimeException e) {
            // The platform's messages name files and causes, never key material.
            err.println("failed: " + e.getMessage());
            return 1;
        }
    }

    /** Key ids as Tink's JSON shows them: unsigned. */
    private static String id(int keyId) {
        return Integer.toUnsignedString(keyId);
    }

    private static FieldCipher cipher(List<String> args, int count, Map<String, String> env) {
        return new FieldCipher(folder(args, count, env));
    }

    private static KeyFolder folder(List<String> args, int minimum, Map<String, String> env) {
        if (args.size() < minimum) {
            throw new UsageException("missing arguments for " + args.get(0));
        }
        return new KeyFolder(Path.of(args.get(1)), KeyEncryptionKey.fromSetting(env.get(KEK_VARIABLE)));
    }

    private static String rotatedKek(String json) {
        if (json == null || json.isBlank()) {
            throw new UsageException(KEK_VARIABLE + " is not set");
        }
        KeyEncryptionKey.fromJsonKeyset(json); // refuses anything but an AEAD keyset, without quoting it
        try {
            AeadConfig.register();
            KeysetHandle current = TinkJsonProtoKeysetFormat.parseKeyset(json.strip(), InsecureSecretKeyAccess.get());
            KeysetHandle rotated = KeysetHandle.newBuilder(current).addEntry(KeysetHandle.generateEntryFromParameters(
                    PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary()).build();
            return TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot rotate the key-encryption keyset");
        }
    }

    private static final class UsageException extends RuntimeException {

        UsageException(String message) {
            super(message);
        }
    }
}
