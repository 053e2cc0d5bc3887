package org.revflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.camunda.client.annotation.JobWorker;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/**
 * The house rules that a compiler does not check, on the main classes (docs/architecture.md): no
 * package cycles; workers are glue that call services; controllers belong to their feature; the
 * shared vocabulary depends on nothing of RevFlow; nothing in main reaches into the tests.
 */
@AnalyzeClasses(packages = "org.revflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Packages every feature may use, which hold no feature of their own. */
  static final String[] SHARED = {
    "org.revflow.config..", "org.revflow.process..", "org.revflow.vocabulary.."
  };

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("org.revflow.(*)..").should().beFreeOfCycles();

  static final DescribedPredicate<JavaClass> WORKERS =
      DescribedPredicate.describe(
          "workers (classes with a @JobWorker method)",
          c -> c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(JobWorker.class)));

  static final DescribedPredicate<JavaClass> CONTROLLERS =
      DescribedPredicate.describe(
          "controllers",
          c -> c.isAnnotatedWith(RestController.class) || c.isAnnotatedWith(Controller.class));

  static final DescribedPredicate<JavaClass> DATA_ACCESS_OR_CONTROLLERS =
      DescribedPredicate.describe(
          "repositories, data access or controllers",
          c ->
              c.isAssignableTo(Repository.class)
                  || c.isAnnotatedWith(org.springframework.stereotype.Repository.class)
                  || c.isAssignableTo(JdbcTemplate.class)
                  || c.isAssignableTo(JdbcClient.class)
                  || c.isAssignableTo(EntityManager.class)
                  || CONTROLLERS.test(c));

  @ArchTest
  static final ArchRule workersUseNoRepositoriesAndNoControllers =
      noClasses()
          .that(WORKERS)
          .should()
          .dependOnClassesThat(DATA_ACCESS_OR_CONTROLLERS)
          .because("a worker reads its variables, calls a service and returns what changed");

  @ArchTest
  static final ArchRule theBeansWorkersCallAreServices =
      classes().that(WORKERS).should(callOnlyServiceBeans());

  @ArchTest
  static final ArchRule controllersLiveInAFeature =
      classes()
          .that(CONTROLLERS)
          .should()
          .resideOutsideOfPackages(SHARED)
          .andShould()
          .resideInAPackage("org.revflow.*..");

  @ArchTest
  static final ArchRule controllersAreUsedOnlyInTheirFeature =
      classes().that(CONTROLLERS).should(beUsedOnlyInTheirFeature());

  @ArchTest
  static final ArchRule vocabularyDependsOnNothingOfRevFlow =
      noClasses()
          .that()
          .resideInAPackage("org.revflow.vocabulary..")
          .should()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "are other classes of RevFlow",
                  c ->
                      c.getPackageName().startsWith("org.revflow")
                          && !c.getPackageName().startsWith("org.revflow.vocabulary")));

  /**
   * Test libraries, and every class compiled from the test sources (org.revflow.testsupport and the
   * like).
   */
  static final List<String> TEST_LIBRARIES =
      List.of(
          "org.junit.",
          "org.assertj.",
          "org.mockito.",
          "io.camunda.zeebe.process.test.",
          "com.icegreen.greenmail.",
          "ch.vorburger.",
          "org.openqa.selenium.",
          "com.tngtech.archunit.",
          "org.springframework.test.",
          "org.springframework.boot.test.");

  @ArchTest
  static final ArchRule mainDependsOnNothingTestOnly =
      noClasses().should().dependOnClassesThat(testOnly());

  private static DescribedPredicate<JavaClass> testOnly() {
    JavaClasses tests =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("org.revflow", "io.camunda.zeebe.process.test.engine");
    Set<String> testClasses = tests.stream().map(JavaClass::getName).collect(Collectors.toSet());
    return DescribedPredicate.describe(
        "test-only classes (test sources and test libraries)",
        c ->
            testClasses.contains(c.getName())
                || TEST_LIBRARIES.stream().anyMatch(c.getName()::startsWith));
  }

  private static ArchCondition<JavaClass> callOnlyServiceBeans() {
    return new ArchCondition<>("call no bean but @Service ones") {
      @Override
      public void check(JavaClass worker, ConditionEvents events) {
        for (JavaMethodCall call : worker.getMethodCallsFromSelf()) {
          JavaClass owner = call.getTargetOwner();
          boolean bean = owner.isMetaAnnotatedWith(Component.class);
          if (bean && !owner.equals(worker) && !owner.isAnnotatedWith(Service.class)) {
            events.add(
                SimpleConditionEvent.violated(
                    call,
                    call.getDescription()
                        + ": "
                        + owner.getSimpleName()
                        + " is a bean but no @Service"));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> beUsedOnlyInTheirFeature() {
    return new ArchCondition<>("be used only in their own feature's package") {
      @Override
      public void check(JavaClass controller, ConditionEvents events) {
        String feature = feature(controller);
        controller.getDirectDependenciesToSelf().stream()
            .filter(d -> !feature.equals(feature(d.getOriginClass())))
            .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
        controller.getAccessesToSelf().stream()
            .map(JavaAccess::getOriginOwner)
            .filter(origin -> !feature.equals(feature(origin)))
            .forEach(
                origin ->
                    events.add(
                        SimpleConditionEvent.violated(
                            origin, origin.getName() + " uses " + controller.getName())));
      }
    };
  }

  /** The feature a class belongs to: its package's first segment under org.revflow. */
  static String feature(JavaClass c) {
    String rest =
        c.getPackageName().startsWith("org.revflow.")
            ? c.getPackageName().substring("org.revflow.".length())
            : c.getPackageName();
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
