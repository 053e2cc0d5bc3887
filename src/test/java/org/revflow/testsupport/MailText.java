package org.revflow.testsupport;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The text parts of a received email, joined: what a test reads of a notice's words. */
public final class MailText {

  private MailText() {}

  public static String of(Part part) {
    try {
      Object content = part.getContent();
      if (content instanceof String s) {
        return part.isMimeType("text/calendar") ? "" : s;
      }
      if (content instanceof Multipart mp) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < mp.getCount(); i++) {
          all.append(of(mp.getBodyPart(i))).append('\n');
        }
        return all.toString();
      }
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
