package dev.paxosref.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import dev.paxosref.core.AcceptorRole;
import dev.paxosref.core.LearnerRole;
import dev.paxosref.core.MultiAcceptorRole;
import dev.paxosref.core.MultiProposerRole;
import dev.paxosref.core.ProposerRole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** CONTRIBUTING.md's arrows: core depends on nothing; sim and trace on core; nothing on sim but cli. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.paxosref");

    @Test
    void coreUsesOnlyJavaLangAndJavaUtil() {
        ArchRule rule = ArchRuleDefinition.classes().that().resideInAPackage("dev.paxosref.core..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.paxosref.core..", "java.lang..", "java.util..");
        rule.check(MAIN);
    }

    /**
     * The node layer composes the core's roles and sees the world only through its ports; besides the core it uses
     * only the in-memory byte codecs its checksummed records need, never a file, socket, clock or thread.
     */
    @Test
    void nodeUsesOnlyTheCoreItsPortsAndInMemoryCodecs() {
        ArchRuleDefinition.classes().that().resideInAPackage("dev.paxosref.node..")
            .should().onlyDependOnClassesThat(
                JavaClass.Predicates.resideInAnyPackage("dev.paxosref.node..", "dev.paxosref.core..", "java.lang..",
                        "java.util..")
                    .or(JavaClass.Predicates.belongToAnyOf(ByteBuffer.class, ByteArrayInputStream.class,
                        ByteArrayOutputStream.class, DataInputStream.class, DataOutputStream.class, IOException.class,
                        UncheckedIOException.class, StandardCharsets.class)))
            .check(MAIN);
        noClasses().that().resideInAPackage("dev.paxosref.node..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.SplittableRandom")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
            .orShould().callMethod(Math.class, "random")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .check(MAIN);
        noClasses().that().resideInAPackage("dev.paxosref.core..")
            .should().dependOnClassesThat().resideInAPackage("dev.paxosref.node..").check(MAIN);
    }

    @Test
    void coreHasNoRandomnessClocksIoOrThreads() {
        noClasses().that().resideInAPackage("dev.paxosref.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.time..", "java.io..", "java.nio..",
                "java.util.concurrent..", "java.util.random..", "java.util.logging..", "java.net..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.SplittableRandom")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
            .orShould().callMethod(Math.class, "random")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .check(MAIN);
    }

    @Test
    void traceAndSimDoNotDependOnEachOtherTheWrongWay() {
        noClasses().that().resideInAPackage("dev.paxosref.trace..")
            .should().dependOnClassesThat().resideInAPackage("dev.paxosref.sim..").check(MAIN);
    }

    /**
     * Mutants are decorators of the core's role interfaces in the simulator; the core itself has no bug flags and
     * no second implementation of a role.
     */
    @Test
    void mutantsLiveOutsideTheCore() {
        noClasses().that().resideInAPackage("dev.paxosref.core..")
            .should().haveSimpleNameContaining("Bug").orShould().haveSimpleNameContaining("Mutant")
            .orShould().dependOnClassesThat().resideInAPackage("dev.paxosref.sim..")
            .check(MAIN);
        ArchRuleDefinition.classes().that().implement(AcceptorRole.class).or().implement(ProposerRole.class)
            .or().implement(LearnerRole.class).or().implement(MultiAcceptorRole.class)
            .or().implement(MultiProposerRole.class)
            .should().resideInAnyPackage("dev.paxosref.core", "dev.paxosref.sim.mutant")
            .check(MAIN);
        noClasses().that().resideOutsideOfPackages("dev.paxosref.sim..", "dev.paxosref.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.paxosref.sim.mutant..")
            .check(MAIN);
    }

    /** javac compiles {@code assert} into a static initializer that asks Class.desiredAssertionStatus(). */
    private static final ArchRule NO_ASSERT = noClasses().should().callMethod(Class.class, "desiredAssertionStatus")
        .because("assert vanishes without -ea; Invariant.check stays on");

    @Test
    void mainCodeChecksInvariantsThatStayOn() {
        NO_ASSERT.check(MAIN);
    }

    @Test
    void theAssertRuleSeesAnAssert() {
        assertThrows(AssertionError.class,
            () -> NO_ASSERT.check(new ClassFileImporter().importClasses(UsesAssert.class)));
    }

    private static final class UsesAssert {
        static int positive(int x) {
            assert x > 0 : x;
            return x;
        }
    }

    @Test
    void noJavaSerialization() {
        // enums are Serializable by birth; what matters is that nobody declares it or uses the object streams
        noClasses().that().areNotEnums().should().implement(java.io.Serializable.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectOutputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
            .check(MAIN);
    }
}
