package org.revflow.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified token into a RevFlow user: the name from the configured claim (the subject if
 * absent), the roles from the configured claim, which may be nested (Keycloak's {@code
 * realm_access.roles}) and may hold a list or a space- or comma-separated string.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

  private final String rolesClaim;
  private final String usernameClaim;

  JwtRoles(String rolesClaim, String usernameClaim) {
    this.rolesClaim = rolesClaim;
    this.usernameClaim = usernameClaim;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String name = jwt.getClaimAsString(usernameClaim);
    if (name == null || name.isBlank()) {
      name = jwt.getSubject();
    }
    return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), name);
  }

  List<GrantedAuthority> authorities(Map<String, Object> claims) {
    Object value = claims;
    for (String part : rolesClaim.split("\\.")) {
      value = value instanceof Map<?, ?> m ? m.get(part) : null;
    }
    Collection<?> roles =
        switch (value) {
          case Collection<?> c -> c;
          case String s -> Arrays.asList(s.split("[\\s,]+"));
          case null, default -> List.of();
        };
    return roles.stream()
        .filter(r -> r instanceof String s && !s.isBlank())
        .map(
            r ->
                (GrantedAuthority)
                    new SimpleGrantedAuthority(ApiSecurityProperties.User.authority((String) r)))
        .distinct()
        .toList();
  }
}
