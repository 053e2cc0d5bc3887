package org.revflow.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Strings without control characters (tab, CR and LF excepted): names, references and reasons end
 * up in emails, pages and Operate, where such characters only ever hide or garble text.
 */
public final class PlainTextDeserializer extends StdScalarDeserializer<String> {

  public PlainTextDeserializer() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    String value = StringDeserializer.instance.deserialize(p, ctxt);
    if (value != null) {
      for (int i = 0; i < value.length(); i++) {
        char ch = value.charAt(i);
        if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7f) {
          return (String)
              ctxt.handleWeirdStringValue(
                  String.class,
                  value,
                  "control character U+%04X at position %d is not allowed",
                  (int) ch,
                  i);
        }
      }
    }
    return value;
  }
}
