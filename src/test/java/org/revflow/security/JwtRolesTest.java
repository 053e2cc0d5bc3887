package org.revflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class JwtRolesTest {

  private static List<String> roles(String claim, Map<String, Object> claims) {
    return new JwtRoles(claim, "preferred_username")
        .authorities(claims).stream().map(GrantedAuthority::getAuthority).toList();
  }

  @Test
  void rolesComeFromTheConfiguredClaimWhateverItsShape() {
    assertThat(roles("roles", Map.of("roles", List.of("secretariat", "Reader"))))
        .containsExactly("ROLE_SECRETARIAT", "ROLE_READER");
    assertThat(
            roles(
                "realm_access.roles",
                Map.of("realm_access", Map.of("roles", List.of("SECRETARIAT")))))
        .containsExactly("ROLE_SECRETARIAT");
    assertThat(roles("scope", Map.of("scope", "openid SECRETARIAT,profile")))
        .contains("ROLE_SECRETARIAT");
    assertThat(roles("roles", Map.of("groups", List.of("SECRETARIAT")))).isEmpty();
    assertThat(roles("realm_access.roles", Map.of("realm_access", "SECRETARIAT"))).isEmpty();
  }

  @Test
  void passwordsMustBeHashesOrMarkedPlainWhereThatIsAllowed() {
    String bcrypt = "$2a$10$" + "a".repeat(53);
    assertThat(PasswordHashes.check("u", bcrypt, false)).isEqualTo("{bcrypt}" + bcrypt);
    assertThat(PasswordHashes.check("u", "{noop}local", true)).isEqualTo("{noop}local");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PasswordHashes.check("u", "{noop}local", false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only the local run and the tests");
    for (String bad : new String[] {"plain", "{sha256}abc", "{noop}", "", "{bcrypt}notahash"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> PasswordHashes.check("u", bad, true))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("user 'u'");
    }
  }
}
