package org.peersupport.platform.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder of key material: keysets ({@code <hospital>.keyset.json}) and the pseudonym key. It is created 0700,
 * every file is written whole or not at all (a temp file 0600 from the start, fsync, then an atomic link or rename),
 * and with a {@link KeyEncryptionKey} every file is wrapped, bound by associated data to its own name (so to its
 * hospital and purpose), and a plaintext file is refused.
 */
public final class KeyFolder {

    static final String KEYSET_SUFFIX = ".keyset.json";
    static final String PSEUDONYM_KEY = "pseudonym.key";

    private static final Logger log = LoggerFactory.getLogger(KeyFolder.class);
    private static final String WRAPPED_SECRET = "peersupport-wrapped-v1:";
    private static final String WRAPPED_KEYSET_FIELD = "\"encryptedKeyset\"";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> ANY_OTHERS = Set.of(PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path dir;
    private final Optional<KeyEncryptionKey> kek;
    private final boolean posix;

    /** The folder at {@code dir}, created if missing; with a KEK its files are wrapped, without one they are plain. */
    public KeyFolder(Path dir, Optional<KeyEncryptionKey> kek) {
        this.dir = dir.toAbsolutePath().normalize();
        this.kek = Objects.requireNonNull(kek, "kek");
        this.posix = this.dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            AeadConfig.register();
            createFolder();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up key storage", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key folder " + this.dir, e);
        }
    }

    /** The folder, wrapped under the KEK given as a Tink JSON keyset setting (blank: no KEK, plain files). */
    public static KeyFolder of(Path dir, String keyEncryptionKeyset) {
        return new KeyFolder(dir, KeyEncryptionKey.fromSetting(keyEncryptionKeyset));
    }

    /** Where the files are. */
    public Path dir() {
        return dir;
    }

    /** Whether files are wrapped under a key-encryption key. */
    public boolean wraps() {
        return kek.isPresent();
    }

    /**
     * Wraps every plaintext key file under the KEK and re-wraps the wrapped ones under its current primary key (after
     * the KEK keyset was rotated); the count of files rewritten. The explicit migration: services refuse plaintext.
     */
    public int wrapAll() {
        if (kek.isEmpty()) {
            throw new IllegalStateException("no key-encryption key is configured (PEERSUPPORT_KEY_ENCRYPTION_KEYSET)");
        }
        KeyFolder plain = new KeyFolder(dir, Optional.empty());
        return exclusively(() -> {
            int rewritten = 0;
            for (String name : names()) {
                boolean keyset = name.endsWith(KEYSET_SUFFIX);
                if (!keyset && !name.equals(PSEUDONYM_KEY)) {
                    continue;
                }
                byte[] stored = read(name).orElseThrow();
                KeyFolder source = isWrapped(name, stored) ? this : plain;
                byte[] rewrapped = keyset
                        ? fromKeyset(name, source.toKeyset(name, stored))
                        : fromSecret(name, source.toSecret(name, stored));
                replace(name, rewrapped);
                rewritten++;
            }
            log.info("Wrapped {} key files under the key-encryption key", rewritten);
            return rewritten;
        });
    }

    /** The names of the regular files in the folder, temp and lock files left out. */
    List<String> names() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> Files.isRegularFile(p)).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the key folder " + dir, e);
        }
    }

    /** The stored bytes of a file, if it exists. */
    Optional<byte[]> read(String name) {
        Path file = dir.resolve(name);
        try {
            byte[] content = Files.readAllBytes(file);
            tightenFile(file);
            return Optional.of(content);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
    }

    /**
     * Stores {@code content} under {@code name} unless the file exists, and returns what is stored then: when two
     * instances race, both end up with the first one's key.
     */
    byte[] createIfAbsent(String name, byte[] content) {
        Path target = dir.resolve(name);
        try {
            Path temp = writeTemp(name, content);
            try {
                // link(2) never replaces a file, unlike rename(2): the loser of a race keeps the winner's key.
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException anotherInstanceWon) {
                // read theirs below
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    // another instance won
                } else {
                    // No hard links on this file system: a move that does not replace, with a small race window.
                    moveWithoutReplacing(temp, target);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            syncFolder();
            return Files.readAllBytes(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key file " + target, e);
        }
    }

    /** Replaces a file atomically: readers see the old content or the new one, never a part. */
    void replace(String name, byte[] content) {
        Path target = dir.resolve(name);
        try {
            Path temp = writeTemp(name, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            syncFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace key file " + target, e);
        }
    }

    /** Runs a read-modify-write alone: one at a time in this JVM and, through a lock file, across processes. */
    <T> T exclusively(Supplier<T> action) {
        synchronized (KeyFolder.class) {
            Path lock = dir.resolve(".lock");
            try (FileChannel channel = posix
                    ? FileChannel.open(lock, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                            PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                    : FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock held = channel.lock()) {
                return action.get();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock the key folder " + dir, e);
            }
        }
    }

    /** A keyset as stored: Tink JSON, encrypted under the KEK with the file name as associated data if there is one. */
    byte[] fromKeyset(String name, KeysetHandle handle) {
        try {
            String json = kek.isPresent()
                    ? TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, kek.get().aead(), associatedData(name))
                    : TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
            return json.getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot serialize keyset " + name, e);
        }
    }

    /** The keyset stored in a file; the messages name the file and the cause, never key material. */
    KeysetHandle toKeyset(String name, byte[] stored) {
        String json = new String(stored, StandardCharsets.UTF_8);
        boolean wrapped = isWrapped(name, stored);
        if (kek.isPresent() && !wrapped) {
            throw plaintextRefused(name);
        }
        if (kek.isEmpty() && wrapped) {
            throw noKek(name);
        }
        try {
            return kek.isPresent()
                    ? TinkJsonProtoKeysetFormat.parseEncryptedKeyset(json, kek.get().aead(), associatedData(name))
                    : TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // No cause: a parser's message may quote the file, and the file is key material.
            throw new KeyFileException(wrapped
                    ? "keyset " + dir.resolve(name) + " cannot be unwrapped with the configured key-encryption key "
                            + "(another KEK, or a file copied from another hospital or purpose)"
                    : "keyset " + dir.resolve(name) + " is not a Tink JSON keyset");
        }
    }

    /** A raw secret as stored: as is, or with a KEK the text {@code peersupport-wrapped-v1:<base64 ciphertext>}. */
    byte[] fromSecret(String name, byte[] secret) {
        if (kek.isEmpty()) {
            return secret.clone();
        }
        try {
            byte[] sealed = kek.get().aead().encrypt(secret, associatedData(name));
            return (WRAPPED_SECRET + Base64.getEncoder().encodeToString(sealed) + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap key file " + name, e);
        }
    }

    /** The raw secret stored in a file; the messages name the file, never key material. */
    byte[] toSecret(String name, byte[] stored) {
        boolean wrapped = isWrapped(name, stored);
        if (kek.isEmpty()) {
            if (wrapped) {
                throw noKek(name);
            }
            return stored;
        }
        if (!wrapped) {
            throw plaintextRefused(name);
        }
        try {
            String text = new String(stored, StandardCharsets.US_ASCII).strip();
            byte[] sealed = Base64.getDecoder().decode(text.substring(WRAPPED_SECRET.length()));
            return kek.get().aead().decrypt(sealed, associatedData(name));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyFileException("key file " + dir.resolve(name) + " cannot be unwrapped with the configured "
                    + "key-encryption key (another KEK, or a file copied from another purpose)");
        }
    }

    private static boolean isWrapped(String name, byte[] stored) {
        if (name.endsWith(KEYSET_SUFFIX)) {
            return new String(stored, StandardCharsets.UTF_8).contains(WRAPPED_KEYSET_FIELD);
        }
        byte[] marker = WRAPPED_SECRET.getBytes(StandardCharsets.US_ASCII);
        return stored.length >= marker.length && Arrays.equals(stored, 0, marker.length, marker, 0, marker.length);
    }

    private static byte[] associatedData(String name) {
        return ("peersupport/keys/" + name).getBytes(StandardCharsets.UTF_8);
    }

    private KeyFileException plaintextRefused(String name) {
        return new KeyFileException("key file " + dir.resolve(name) + " is stored in plaintext, but a key-encryption "
                + "key is configured: wrap it first (KeyTool wrap, see the README's Keys section)");
    }

    private KeyFileException noKek(String name) {
        return new KeyFileException("key file " + dir.resolve(name) + " is wrapped, but no key-encryption key is "
                + "configured (PEERSUPPORT_KEY_ENCRYPTION_KEYSET)");
    }

    private void createFolder() throws IOException {
        if (Files.isDirectory(dir)) {
            tightenFolder();
            return;
        }
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        try {
            if (posix) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException anotherInstanceWon) {
            // fine: it exists now
        }
    }

    private Path writeTemp(String name, byte[] content) throws IOException {
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        // Created owner-only from the start: there is no moment when another user could open it.
        Path temp = Files.createTempFile(dir, "." + name + ".", ".tmp", ownerOnly);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    private static void moveWithoutReplacing(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target);
        } catch (FileAlreadyExistsException anotherInstanceWon) {
            // read theirs
        }
    }

    /** The new directory entry survives a crash only once the folder itself is synced (POSIX; elsewhere skipped). */
    private void syncFolder() {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException notSupportedHere) {
            // Windows cannot open a directory; the rename itself is still atomic there.
        }
    }

    /**
     * Folders made before this class were world-readable. Best effort and silent: a Kubernetes Secret mount's folder
     * belongs to the kubelet and is read-only to us, and its files' modes are the Secret's {@code defaultMode}.
     */
    private void tightenFolder() {
        try {
            if (posix && Files.getPosixFilePermissions(dir).stream().anyMatch(ANY_OTHERS::contains)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
            }
        } catch (IOException | UnsupportedOperationException notOurs) {
            // see above
        }
    }

    /** Key files written before this class were world-readable: tighten them, or say so where that is not allowed. */
    private void tightenFile(Path file) {
        if (!posix) {
            return;
        }
        try {
            if (Files.getPosixFilePermissions(file).stream().noneMatch(ANY_OTHERS::contains)) {
                return;
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Key file {} is readable by other users and its permissions could not be tightened", file);
        }
    }

    /** A key file that cannot be used as it is; the message names the file and never holds key material. */
    static final class KeyFileException extends IllegalStateException {

        KeyFileException(String message) {
            super(message);
        }
    }
}
