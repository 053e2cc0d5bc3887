package org.revflow.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API reads its input strictly, so that what it stores is what the caller meant: a body that is
 * not valid UTF-8 is refused before anyone reads it (a decoder would otherwise put U+FFFD into a
 * name), JSON after the first document is an error, a string is never taken for a number or a
 * boolean (a blank or control-character string used to become null or false), and no string may
 * carry control characters other than tab and line breaks. Only the MVC converter's mapper is made
 * strict: the Camunda client and the simulation keep their own.
 */
@Configuration(proxyBeanMethods = false)
class StrictApiInput implements WebMvcConfigurer {

  /** Larger bodies are refused without being read: CSV imports of the registry are far smaller. */
  static final int MAX_BODY_BYTES = 5 * 1024 * 1024;

  private final ObjectMapper json;

  StrictApiInput(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    ObjectMapper strict = strict(json);
    for (HttpMessageConverter<?> c : converters) {
      if (c instanceof MappingJackson2HttpMessageConverter jackson) {
        jackson.setObjectMapper(strict);
      }
    }
  }

  static ObjectMapper strict(ObjectMapper base) {
    ObjectMapper strict = base.copy();
    strict.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    strict.coercionConfigDefaults().setAcceptBlankAsEmpty(false);
    strict.registerModule(
        new SimpleModule("revflow-strict-strings")
            .addDeserializer(String.class, new PlainTextDeserializer()));
    return strict;
  }

  @Bean
  FilterRegistrationBean<StrictUtf8Bodies> strictUtf8Bodies() {
    FilterRegistrationBean<StrictUtf8Bodies> registration =
        new FilterRegistrationBean<>(new StrictUtf8Bodies(json));
    registration.addUrlPatterns("/api/*");
    // After Spring Security (which answers unauthenticated requests without reading their body).
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }

  /**
   * Reads the body of an API write once, refuses it unless it is well-formed UTF-8, and replays it.
   */
  static final class StrictUtf8Bodies extends OncePerRequestFilter {
    private final ObjectMapper json;

    StrictUtf8Bodies(ObjectMapper json) {
      this.json = json;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String method = request.getMethod();
      if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
        chain.doFilter(request, response);
        return;
      }
      if (request.getContentLengthLong() > MAX_BODY_BYTES) {
        refuse(
            response,
            HttpStatus.PAYLOAD_TOO_LARGE,
            "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        return;
      }
      byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        refuse(
            response,
            HttpStatus.PAYLOAD_TOO_LARGE,
            "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        return;
      }
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(body));
      } catch (CharacterCodingException e) {
        refuse(response, HttpStatus.BAD_REQUEST, "The request body is not valid UTF-8.");
        return;
      }
      chain.doFilter(new Replayed(request, body), response);
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String detail)
        throws IOException {
      ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
      response.setStatus(status.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), p);
    }
  }

  private static final class Replayed extends HttpServletRequestWrapper {
    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
