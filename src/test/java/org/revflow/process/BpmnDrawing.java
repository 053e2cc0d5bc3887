package org.revflow.process;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnLabel;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnPlane;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * A model's diagram interchange as geometry, plane by plane (the process, and each collapsed
 * sub-process drawn on a plane of its own): what Camunda Modeler and Operate draw from it. The
 * checks return what a reader would stumble over, one line each, so that a failure says where.
 */
final class BpmnDrawing {

  /** Closer than this counts as the same coordinate. */
  private static final double EPS = 0.5;

  /** How far a label may stand from its element and still be read as its label. */
  static final double LABEL_REACH = 15;

  record Point(double x, double y) {}

  record Rect(double x, double y, double w, double h) {
    static Rect of(Bounds b) {
      return new Rect(b.getX(), b.getY(), b.getWidth(), b.getHeight());
    }

    double right() {
      return x + w;
    }

    double bottom() {
      return y + h;
    }

    Rect grow(double m) {
      return new Rect(x - m, y - m, w + 2 * m, h + 2 * m);
    }

    boolean overlaps(Rect o) {
      return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }

    boolean contains(Rect o) {
      return o.x >= x - EPS
          && o.y >= y - EPS
          && o.right() <= right() + EPS
          && o.bottom() <= bottom() + EPS;
    }

    boolean contains(Point p) {
      return p.x >= x - EPS && p.x <= right() + EPS && p.y >= y - EPS && p.y <= bottom() + EPS;
    }

    double distanceTo(Rect o) {
      double dx = Math.max(0, Math.max(o.x - right(), x - o.right()));
      double dy = Math.max(0, Math.max(o.y - bottom(), y - o.bottom()));
      return Math.hypot(dx, dy);
    }

    /** Does the axis-parallel segment p-q pass through the inside of this rectangle? */
    boolean cutBy(Point p, Point q) {
      double x1 = Math.min(p.x, q.x),
          x2 = Math.max(p.x, q.x),
          y1 = Math.min(p.y, q.y),
          y2 = Math.max(p.y, q.y);
      return x2 > x + EPS && x1 < right() - EPS && y2 > y + EPS && y1 < bottom() - EPS;
    }

    /**
     * Is p on the outline; for events and gateways, in the middle of a side (a circle's or a
     * diamond's point)?
     */
    boolean docks(Point p, boolean middleOfSide) {
      boolean onVertical =
          (Math.abs(p.x - x) < EPS || Math.abs(p.x - right()) < EPS)
              && p.y >= y - EPS
              && p.y <= bottom() + EPS;
      boolean onHorizontal =
          (Math.abs(p.y - y) < EPS || Math.abs(p.y - bottom()) < EPS)
              && p.x >= x - EPS
              && p.x <= right() + EPS;
      if (!onVertical && !onHorizontal) {
        return false;
      }
      return !middleOfSide || Math.abs(p.x - (x + w / 2)) < 1 || Math.abs(p.y - (y + h / 2)) < 1;
    }
  }

  record Shape(String id, BaseElement element, Rect bounds, boolean expanded, Rect label) {}

  record Edge(String id, SequenceFlow flow, List<Point> points, Rect label) {
    List<Point[]> segments() {
      List<Point[]> s = new ArrayList<>();
      for (int i = 0; i + 1 < points.size(); i++) {
        s.add(new Point[] {points.get(i), points.get(i + 1)});
      }
      return s;
    }

    double distanceTo(Rect r) {
      double best = Double.MAX_VALUE;
      for (Point[] s : segments()) {
        best =
            Math.min(
                best,
                r.distanceTo(
                    new Rect(
                        Math.min(s[0].x, s[1].x),
                        Math.min(s[0].y, s[1].y),
                        Math.abs(s[0].x - s[1].x),
                        Math.abs(s[0].y - s[1].y))));
      }
      return best;
    }
  }

  record Plane(String id, List<Shape> shapes, List<Edge> edges) {
    Map<String, Shape> byId() {
      return shapes.stream().collect(Collectors.toMap(Shape::id, Function.identity()));
    }

    List<Labelled> labels() {
      List<Labelled> all = new ArrayList<>();
      shapes.stream()
          .filter(s -> s.label() != null)
          .forEach(s -> all.add(new Labelled(s.id(), s.label())));
      edges.stream()
          .filter(e -> e.label() != null)
          .forEach(e -> all.add(new Labelled(e.id(), e.label())));
      return all;
    }
  }

  record Labelled(String owner, Rect bounds) {}

  private BpmnDrawing() {}

  static List<Plane> planes(BpmnModelInstance model) {
    List<Plane> planes = new ArrayList<>();
    for (BpmnPlane plane : model.getModelElementsByType(BpmnPlane.class)) {
      List<Shape> shapes = new ArrayList<>();
      List<Edge> edges = new ArrayList<>();
      for (BpmnShape s : plane.getChildElementsByType(BpmnShape.class)) {
        shapes.add(
            new Shape(
                s.getBpmnElement().getId(),
                s.getBpmnElement(),
                Rect.of(s.getBounds()),
                s.isExpanded(),
                label(s.getBpmnLabel())));
      }
      for (BpmnEdge e : plane.getChildElementsByType(BpmnEdge.class)) {
        if (e.getBpmnElement() instanceof SequenceFlow flow) {
          List<Point> points =
              e.getWaypoints().stream().map(w -> new Point(w.getX(), w.getY())).toList();
          edges.add(new Edge(flow.getId(), flow, points, label(e.getBpmnLabel())));
        }
      }
      planes.add(new Plane(plane.getBpmnElement().getId(), shapes, edges));
    }
    return planes;
  }

  private static Rect label(BpmnLabel label) {
    return label == null || label.getBounds() == null ? null : Rect.of(label.getBounds());
  }

  /**
   * Flows: orthogonal, starting and ending on their shapes' outlines (an event's or a gateway's
   * point, not the middle of another line), never through a shape, a sub-process they do not belong
   * to, or a label; no two crossing, and none running along another unless both lead to the same
   * element or leave the same one.
   */
  static List<String> flowProblems(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    for (Plane plane : planes(model)) {
      Map<String, Shape> shapes = plane.byId();
      List<Labelled> labels = plane.labels();
      for (Edge e : plane.edges()) {
        String where = plane.id() + "/" + e.id();
        List<Point> pts = e.points();
        if (pts.size() < 2) {
          problems.add(where + ": fewer than two waypoints");
          continue;
        }
        for (Point[] s : e.segments()) {
          boolean vertical = Math.abs(s[0].x - s[1].x) < EPS,
              horizontal = Math.abs(s[0].y - s[1].y) < EPS;
          if (vertical == horizontal) {
            problems.add(
                where
                    + ": segment "
                    + s[0]
                    + " -> "
                    + s[1]
                    + (vertical ? " has no length" : " is not orthogonal"));
          }
        }
        for (int i = 1; i + 1 < pts.size(); i++) {
          Point a = pts.get(i - 1), b = pts.get(i), c = pts.get(i + 1);
          if ((Math.abs(a.x - b.x) < EPS && Math.abs(b.x - c.x) < EPS)
              || (Math.abs(a.y - b.y) < EPS && Math.abs(b.y - c.y) < EPS)) {
            problems.add(where + ": waypoint " + b + " is not a bend");
          }
        }
        Shape source = shapes.get(e.flow().getSource().getId());
        Shape target = shapes.get(e.flow().getTarget().getId());
        if (source == null || !source.bounds().docks(pts.get(0), pointed(source))) {
          problems.add(
              where
                  + ": starts at "
                  + pts.get(0)
                  + ", not on the outline of "
                  + e.flow().getSource().getId());
        }
        if (target == null || !target.bounds().docks(pts.get(pts.size() - 1), pointed(target))) {
          problems.add(
              where
                  + ": ends at "
                  + pts.get(pts.size() - 1)
                  + ", not on the outline of "
                  + e.flow().getTarget().getId());
        }
        for (Shape s : plane.shapes()) {
          if (s.expanded() && within(e.flow(), s.element())) {
            if (!pts.stream().allMatch(p -> s.bounds().contains(p))) {
              problems.add(where + ": leaves its sub-process " + s.id());
            }
            continue;
          }
          if (e.segments().stream().anyMatch(seg -> s.bounds().cutBy(seg[0], seg[1]))) {
            problems.add(where + ": runs through " + s.id());
          }
        }
        for (Labelled l : labels) {
          if (e.segments().stream().anyMatch(seg -> l.bounds().grow(1).cutBy(seg[0], seg[1]))) {
            problems.add(where + ": runs through the label of " + l.owner());
          }
        }
      }
      List<Edge> edges = plane.edges();
      for (int i = 0; i < edges.size(); i++) {
        for (int j = i + 1; j < edges.size(); j++) {
          Edge a = edges.get(i), b = edges.get(j);
          boolean sameEnd =
              a.flow().getTarget() == b.flow().getTarget()
                  || a.flow().getSource() == b.flow().getSource();
          for (Point[] s : a.segments()) {
            for (Point[] t : b.segments()) {
              if (crosses(s, t)) {
                problems.add(plane.id() + "/" + a.id() + " crosses " + b.id());
              } else if (!sameEnd && runsAlong(s, t)) {
                problems.add(plane.id() + "/" + a.id() + " runs along " + b.id());
              }
            }
          }
        }
      }
    }
    return problems;
  }

  /**
   * Labels: every named event, gateway and flow has its label placed in the diagram (not left to
   * the tool), next to its element; no label overlaps another label or a shape, or straddles a
   * sub-process's border.
   */
  static List<String> labelProblems(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    for (Plane plane : planes(model)) {
      for (Shape s : plane.shapes()) {
        boolean external = s.element() instanceof Event || s.element() instanceof Gateway;
        if (external && named(s.element()) && s.label() == null) {
          problems.add(plane.id() + "/" + s.id() + ": no label bounds");
        }
        if (s.label() != null && s.label().distanceTo(s.bounds()) > LABEL_REACH) {
          problems.add(
              plane.id()
                  + "/"
                  + s.id()
                  + ": label "
                  + (int) s.label().distanceTo(s.bounds())
                  + " px away");
        }
      }
      for (Edge e : plane.edges()) {
        if (named(e.flow()) && e.label() == null) {
          problems.add(plane.id() + "/" + e.id() + ": no label bounds");
        }
        if (e.label() != null && e.distanceTo(e.label()) > LABEL_REACH) {
          problems.add(
              plane.id()
                  + "/"
                  + e.id()
                  + ": label "
                  + (int) e.distanceTo(e.label())
                  + " px away from its line");
        }
      }
      List<Labelled> labels = plane.labels();
      for (int i = 0; i < labels.size(); i++) {
        Labelled a = labels.get(i);
        for (int j = i + 1; j < labels.size(); j++) {
          if (a.bounds().grow(1).overlaps(labels.get(j).bounds())) {
            problems.add(
                plane.id()
                    + ": labels of "
                    + a.owner()
                    + " and "
                    + labels.get(j).owner()
                    + " overlap");
          }
        }
        for (Shape s : plane.shapes()) {
          if (s.expanded()) {
            if (s.bounds().overlaps(a.bounds()) && !s.bounds().contains(a.bounds())) {
              problems.add(
                  plane.id() + ": label of " + a.owner() + " straddles the border of " + s.id());
            }
          } else if (s.bounds().grow(1).overlaps(a.bounds())) {
            problems.add(plane.id() + ": label of " + a.owner() + " overlaps " + s.id());
          }
        }
      }
    }
    return problems;
  }

  private static boolean named(BaseElement e) {
    String name = e.getAttributeValue("name");
    return name != null && !name.isBlank();
  }

  private static boolean pointed(Shape s) {
    return s.element() instanceof Event || s.element() instanceof Gateway;
  }

  private static boolean within(BaseElement element, BaseElement container) {
    for (ModelElementInstance p = element.getParentElement(); p != null; p = p.getParentElement()) {
      if (p == container) {
        return true;
      }
      if (!(p instanceof SubProcess)) {
        return false;
      }
    }
    return false;
  }

  private static boolean crosses(Point[] s, Point[] t) {
    boolean sh = Math.abs(s[0].y - s[1].y) < EPS, th = Math.abs(t[0].y - t[1].y) < EPS;
    if (sh == th) {
      return false;
    }
    Point[] h = sh ? s : t, v = sh ? t : s;
    double x = v[0].x, y = h[0].y;
    return x > Math.min(h[0].x, h[1].x) + EPS
        && x < Math.max(h[0].x, h[1].x) - EPS
        && y > Math.min(v[0].y, v[1].y) + EPS
        && y < Math.max(v[0].y, v[1].y) - EPS;
  }

  private static boolean runsAlong(Point[] s, Point[] t) {
    if (Math.abs(s[0].y - s[1].y) < EPS
        && Math.abs(t[0].y - t[1].y) < EPS
        && Math.abs(s[0].y - t[0].y) < EPS) {
      return overlap(s[0].x, s[1].x, t[0].x, t[1].x);
    }
    if (Math.abs(s[0].x - s[1].x) < EPS
        && Math.abs(t[0].x - t[1].x) < EPS
        && Math.abs(s[0].x - t[0].x) < EPS) {
      return overlap(s[0].y, s[1].y, t[0].y, t[1].y);
    }
    return false;
  }

  private static boolean overlap(double a1, double a2, double b1, double b2) {
    return Math.min(Math.max(a1, a2), Math.max(b1, b2))
            - Math.max(Math.min(a1, a2), Math.min(b1, b2))
        > EPS;
  }
}
