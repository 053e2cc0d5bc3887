package org.revflow.action;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Action link tokens: the claims (review, step occurrence, State, person) in clear, and an
 * HMAC-SHA256 over them with the server's secret. Deterministic on purpose: a retried notice
 * carries the same link, and a link can be checked without storing anything until it is used.
 * Expiry is not in the token: it follows the step's current deadline, so an extension extends it.
 */
@Component
public class ActionTokens {

  /** Claims a token binds together. */
  public record Claims(String reviewId, long stepId, String state, long personId) {}

  private static final String VERSION = "1";
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{8,200}\\.[A-Za-z0-9_-]{43}");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  ActionTokens(ActionProperties properties) {
    this.key =
        new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String sign(Claims c) {
    String payload =
        String.join(
            "|",
            VERSION,
            c.reviewId(),
            String.valueOf(c.stepId()),
            c.state(),
            String.valueOf(c.personId()));
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(bytes) + "." + B64.encodeToString(mac(bytes));
  }

  /**
   * The claims of a token this server signed; empty for anything else (malformed, tampered, another
   * key).
   */
  public Optional<Claims> verify(String token) {
    if (token == null || !SHAPE.matcher(token).matches()) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    byte[] payload;
    byte[] signature;
    try {
      payload = B64D.decode(token.substring(0, dot));
      signature = B64D.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    // Java's decoder ignores the spare low bits of a last character, so one signature has several
    // spellings; each would verify and count as a different, unused link. Only the encoding sign()
    // writes is a token.
    if (!token.equals(canonical(payload, signature))) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(mac(payload), signature)) {
      return Optional.empty();
    }
    String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
    if (parts.length != 5 || !VERSION.equals(parts[0])) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Claims(parts[1], Long.parseLong(parts[2]), parts[3], Long.parseLong(parts[4])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String canonical(byte[] payload, byte[] signature) {
    return B64.encodeToString(payload) + "." + B64.encodeToString(signature);
  }

  /**
   * What the database keeps of a used token: the SHA-256 of its claims and signature as decoded (in
   * their one canonical spelling, which is also what the links sent before this rule hashed to),
   * never the token itself. Empty for a token that does not verify.
   */
  public Optional<String> digest(String token) {
    return verify(token)
        .map(
            claims -> {
              int dot = token.indexOf('.');
              return sha256(
                  canonical(
                      B64D.decode(token.substring(0, dot)), B64D.decode(token.substring(dot + 1))));
            });
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
