package org.revflow.testsupport;

import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Signs every RestTemplate built by Spring (the tests' TestRestTemplate among them) in as the test
 * secretariat user, unless the request already carries credentials. Tests of refused credentials
 * use a client of their own.
 */
@Component
class TestApiCredentials implements RestTemplateCustomizer {

  @Override
  public void customize(org.springframework.web.client.RestTemplate restTemplate) {
    restTemplate
        .getInterceptors()
        .add(
            (request, body, execution) -> {
              if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request
                    .getHeaders()
                    .setBasicAuth(TestUsers.SECRETARIAT, TestUsers.SECRETARIAT_PASSWORD);
              }
              return execution.execute(request, body);
            });
  }
}
