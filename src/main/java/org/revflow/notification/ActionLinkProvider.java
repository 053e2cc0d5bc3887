package org.revflow.notification;

import java.net.URI;
import java.util.Optional;

/**
 * The link to the page where the addressee of a notice can do what it asks (clear, agree,
 * acknowledge), when there is one for that addressee. Implemented by the action pages.
 */
public interface ActionLinkProvider {

  Optional<URI> actionLink(NoticeJob job, Addressee to);
}
