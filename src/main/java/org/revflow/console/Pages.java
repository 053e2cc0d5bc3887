package org.revflow.console;

import org.springframework.data.domain.Page;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a list is and its neighbours' addresses, the page's other parameters kept.
 *
 * @param number the page, from 0
 */
record Pages(int number, int totalPages, long total, String previous, String next) {

  static Pages of(Page<?> page, UriComponentsBuilder self) {
    int n = page.getNumber();
    int last = Math.max(0, page.getTotalPages() - 1);
    return new Pages(
        n,
        Math.max(1, page.getTotalPages()),
        page.getTotalElements(),
        n > 0 ? self.cloneBuilder().replaceQueryParam("page", n - 1).build().toUriString() : null,
        n < last
            ? self.cloneBuilder().replaceQueryParam("page", n + 1).build().toUriString()
            : null);
  }
}
