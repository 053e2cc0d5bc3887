package org.revflow.notification.render;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.revflow.registry.Language;

/**
 * The iCalendar part of a deadline notice: one all-day VEVENT on the due date.
 *
 * <p>All-day rather than a timed event ending 23:59 Vienna: the deadline is a calendar date, and an
 * all-day event shows on that date in every client whatever the reader's zone, whereas a 23:59
 * Vienna event would land in the small hours of the next day in Asia and read as a new date. The
 * exact moment is in the description. The event is TRANSPARENT so it does not block the day as
 * busy.
 *
 * <p>The UID names the review, step and State and not the deadline, so each new revision (SEQUENCE)
 * moves the same event in the reader's calendar instead of adding a second one.
 */
final class CalendarPart {

  static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";
  private static final String PRODID = "-//RevFlow//UNTOC review notices//EN";

  private CalendarPart() {}

  static String uid(String reviewId, String step, String stateOrSecretariat) {
    return reviewId + "-" + step + "-" + stateOrSecretariat + "@revflow";
  }

  static RenderedNotice.Attachment build(
      String uid,
      int sequence,
      LocalDate due,
      Instant stamp,
      String summary,
      String description,
      URI url,
      URI organizer,
      Language language,
      String filename) {
    ParameterList lang =
        new ParameterList(
            List.of(new net.fortuna.ical4j.model.parameter.Language(language.code())));
    VEvent event = new VEvent(due, due.plusDays(1), summary);
    event.replace(new Summary(lang, summary));
    event.replace(new DtStamp(stamp));
    event.add(new Uid(uid));
    event.add(new Sequence(sequence));
    event.add(new Description(lang, description));
    event.add(new Organizer(organizer));
    event.add(ImmutableTransp.TRANSPARENT);
    if (url != null) {
      event.add(new Url(url));
    }
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODID));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(event);
    StringWriter out = new StringWriter();
    try {
      // Not validated here: validation cost a twentieth of a notice's time, on a structure that
      // only varies in its text; NoticeCalendarTest validates every deadline kind, step and
      // language.
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ValidationException e) {
      throw new IllegalStateException("invalid calendar for " + uid + ": " + e.getMessage(), e);
    }
    return new RenderedNotice.Attachment(
        filename, CONTENT_TYPE, out.toString().getBytes(StandardCharsets.UTF_8));
  }
}
