package org.revflow.console;

import jakarta.servlet.http.HttpServletRequest;
import org.revflow.security.OidcSignIn;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Signing in, and the page for a signed-in user who may not do what they asked. */
// Only where the pages' security (and so its OpenID Connect client) exists: a simulation's or a
// fault test's context without a web server has neither.
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(
    type =
        org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
class SignInPages {

  private final OidcSignIn oidc;

  SignInPages(OidcSignIn oidc) {
    this.oidc = oidc;
  }

  @GetMapping("/")
  String root() {
    return "redirect:/console/";
  }

  @GetMapping("/console")
  String console() {
    return "redirect:/console/";
  }

  @GetMapping("/console/login")
  String login(HttpServletRequest request, Model model) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null
        && auth.isAuthenticated()
        && !(auth instanceof AnonymousAuthenticationToken)
        && request.getParameter("signed-out") == null) {
      return "redirect:/console/";
    }
    for (String flag : new String[] {"error", "expired", "signed-out", "throttled", "oidc-error"}) {
      if (request.getParameter(flag) != null) {
        model.addAttribute("flag", flag);
      }
    }
    model.addAttribute("oidcEnabled", oidc.enabled());
    model.addAttribute("oidcAvailable", oidc.available());
    model.addAttribute("oidcName", oidc.providerName());
    model.addAttribute("oidcStart", oidc.startPath());
    return "console/login";
  }

  /**
   * Reached by a forward from the pages' security chain (status 403 already set): a form with a
   * missing or wrong CSRF token, or a user without the role SECRETARIAT.
   */
  @RequestMapping("/console/denied")
  String denied(HttpServletRequest request, Model model) {
    Object why = request.getAttribute("revflow.denied");
    model.addAttribute("why", why == null ? "role" : why.toString());
    return "console/denied";
  }
}
