package org.peersupport.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring links that answer one offer as one supporter without a sign-in: notification puts them in an
 * email or SMS, matching verifies them. A token is {@code base64url(sealed).base64url(HMAC-SHA256(sealed))}, where
 * {@code sealed} is the payload (action, hospital, request, supporter, expiry) under AES-256-GCM: the signature
 * proves it was made here, and the sealing keeps even those ids off a phone's screen and a mail server's disk.
 * Both keys derive from one secret that notification and matching share ({@code peersupport.links.secret}).
 */
public final class OfferLinks {

    /** What the link does. */
    public enum Action {
        ACCEPT, DECLINE
    }

    /** What a verified token says. */
    public record OfferLink(Action action, String hospitalId, String requestId, String supporterId,
            Instant expiresAt) {

        public OfferLink {
            for (String id : new String[] {hospitalId, requestId, supporterId}) {
                if (id == null || !SAFE_ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("an offer link names plain ids only");
                }
            }
        }
    }

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.@:-]{1,128}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    static final int MIN_SECRET_BYTES = 32;

    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec macKey;
    private final SecretKeySpec sealKey;

    public OfferLinks(String secret) {
        byte[] raw = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (raw.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("peersupport.links.secret must be at least " + MIN_SECRET_BYTES
                    + " bytes");
        }
        SecretKeySpec master = new SecretKeySpec(raw, "HmacSHA256");
        this.macKey = new SecretKeySpec(hmac(master, "offer-links-mac-v1".getBytes(StandardCharsets.UTF_8)),
                "HmacSHA256");
        this.sealKey = new SecretKeySpec(hmac(master, "offer-links-seal-v1".getBytes(StandardCharsets.UTF_8)),
                "AES");
    }

    public String sign(OfferLink link) {
        String payload = String.join("|", "v1", link.action().name(), link.hospitalId(), link.requestId(),
                link.supporterId(), Long.toString(link.expiresAt().getEpochSecond()));
        byte[] sealed = seal(payload.getBytes(StandardCharsets.UTF_8));
        return ENCODER.encodeToString(sealed) + "." + ENCODER.encodeToString(hmac(macKey, sealed));
    }

    /** The link a token stands for, if its signature holds and it has not expired; empty for anything else. */
    public Optional<OfferLink> verify(String token, Instant now) {
        if (token == null || token.length() > 1024) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] sealed = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(hmac(macKey, sealed), signature)) {
                return Optional.empty();
            }
            byte[] payload = open(sealed);
            if (payload == null) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 6 || !parts[0].equals("v1")) {
                return Optional.empty();
            }
            OfferLink link = new OfferLink(Action.valueOf(parts[1]), parts[2], parts[3], parts[4],
                    Instant.ofEpochSecond(Long.parseLong(parts[5])));
            return link.expiresAt().isAfter(now) ? Optional.of(link) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] seal(byte[] payload) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, iv));
            byte[] body = cipher.doFinal(payload);
            byte[] sealed = new byte[IV_BYTES + body.length];
            System.arraycopy(iv, 0, sealed, 0, IV_BYTES);
            System.arraycopy(body, 0, sealed, IV_BYTES, body.length);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The payload, or null when it does not open. */
    private byte[] open(byte[] sealed) {
        if (sealed.length <= IV_BYTES) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable", e);
        }
    }
}
