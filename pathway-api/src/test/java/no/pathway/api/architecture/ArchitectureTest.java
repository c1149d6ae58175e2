package no.pathway.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shape of the code, checked on every build: the domain carries no Spring, the gap engine is plain Java over
 * the domain, the application's feature packages import each other in one direction only, and controllers leave SQL
 * to the classes behind them. The domain does use Axon (the Pathway aggregate applies its events through it), so
 * only Spring is kept out of it. The read models know no Axon at all: they are told which pathways have new events
 * and read them through {@code RecordedEvents}; the Axon processor's handler in front of them, and every other
 * place that reads Axon's tables or format for them, is in {@code no.pathway.api.eventstore}.
 */
@AnalyzeClasses(packages = "no.pathway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_domain_knows_no_spring = noClasses()
            .that().resideInAPackage("no.pathway.core..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule the_gap_engine_depends_only_on_the_jdk_and_the_domain = classes()
            .that().resideInAPackage("no.pathway.projections.engine..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "no.pathway.core..", "no.pathway.projections.engine..");

    @ArchTest
    static final ArchRule feature_packages_are_free_of_cycles = slices()
            .matching("no.pathway.api.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllers_do_not_touch_sql = noClasses()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
            .should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..");

    @ArchTest
    static final ArchRule the_read_models_know_no_axon = noClasses()
            .that().resideInAPackage("no.pathway.projections..")
            .should().dependOnClassesThat().resideInAPackage("org.axonframework..");

    @ArchTest
    static final ArchRule axon_event_handlers_live_in_the_event_store_package = methods()
            .that().areAnnotatedWith(EventHandler.class).or().areAnnotatedWith(ResetHandler.class)
            .should().beDeclaredInClassesThat().resideInAPackage("no.pathway.api.eventstore..");
}
