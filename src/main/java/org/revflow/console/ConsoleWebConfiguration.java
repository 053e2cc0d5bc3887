package org.revflow.console;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The pages' web setup: their scripts from WebJars under {@code /console/webjars/} (the session
 * cookie's path, and never a CDN), and the languages they are written in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleWebConfiguration implements WebMvcConfigurer {

  /** The languages the pages' message bundles ({@code console/messages_*.properties}) exist in. */
  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH);

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    // Version-less paths (/console/webjars/htmx.org/dist/htmx.min.js): the version is the pom's.
    registry
        .addResourceHandler("/console/webjars/**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/")
        .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)))
        .resourceChain(true)
        .addResolver(new LiteWebJarsResourceResolver());
  }

  /**
   * The pages' words ({@code console/messages_*.properties}). Named {@code messageSource}, it is
   * also the application's: nothing else of RevFlow reads that one (notices, action pages and
   * reports have catalogues of their own).
   */
  @Bean
  MessageSource messageSource() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("console/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    messages.setDefaultLocale(Locale.ENGLISH);
    return messages;
  }

  /**
   * The browser's preferred language among those the pages are written in, else English. A French
   * bundle is added by listing {@link Locale#FRENCH} above.
   */
  @Bean
  LocaleResolver localeResolver() {
    AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
    resolver.setSupportedLocales(LANGUAGES);
    resolver.setDefaultLocale(Locale.ENGLISH);
    return resolver;
  }
}
