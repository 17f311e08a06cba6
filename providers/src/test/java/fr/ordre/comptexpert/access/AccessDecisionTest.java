package fr.ordre.comptexpert.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.access.AccessDecision.Outcome;
import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.RegisterList;
import fr.ordre.comptexpert.tableau.RegisterStatus;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AccessDecisionTest {

    private static final OrdreProfile EC = profile("expert-comptable", EnumSet.of(RegisterList.EXPERT_COMPTABLE));
    private static final OrdreProfile HONORAIRE = profile("honoraire", EnumSet.of(RegisterList.HONORAIRE));
    private static final OrdreProfile ETUDIANT = profile("etudiant", Set.of());

    @Test
    void withoutTheRoleTheProfileIsNotAllowed() {
        assertEquals(Outcome.PROFILE_NOT_ALLOWED, AccessDecision.decide(false, List.of(), failIfCalled()));
        assertEquals(Outcome.PROFILE_NOT_ALLOWED, AccessDecision.decide(false, List.of(EC), failIfCalled()));
    }

    @Test
    void aProfileOutsideTheTableauNeedsNoRegisterLookup() {
        assertEquals(Outcome.ALLOWED, AccessDecision.decide(true, List.of(ETUDIANT), failIfCalled()));
    }

    @Test
    void aRoleGivenDirectlyIsAnAdminDecision() {
        assertEquals(Outcome.ALLOWED, AccessDecision.decide(true, List.of(), failIfCalled()));
    }

    @Test
    void aMemberActiveOnTheListEnters() {
        assertEquals(
                Outcome.ALLOWED,
                AccessDecision.decide(
                        true,
                        List.of(EC),
                        () -> Optional.of(entry(RegisterList.EXPERT_COMPTABLE, RegisterStatus.INSCRIT))));
    }

    @Test
    void struckOffSuspendedUnknownOrOnAnotherListIsRefused() {
        assertEquals(
                Outcome.NOT_ON_REGISTER,
                AccessDecision.decide(
                        true,
                        List.of(EC),
                        () -> Optional.of(entry(RegisterList.EXPERT_COMPTABLE, RegisterStatus.RADIE))));
        assertEquals(
                Outcome.NOT_ON_REGISTER,
                AccessDecision.decide(
                        true,
                        List.of(EC),
                        () -> Optional.of(entry(RegisterList.EXPERT_COMPTABLE, RegisterStatus.SUSPENDU))));
        assertEquals(Outcome.NOT_ON_REGISTER, AccessDecision.decide(true, List.of(EC), Optional::empty));
        assertEquals(
                Outcome.NOT_ON_REGISTER,
                AccessDecision.decide(
                        true, List.of(EC), () -> Optional.of(entry(RegisterList.HONORAIRE, RegisterStatus.INSCRIT))));
    }

    @Test
    void anyGrantingListWillDo() {
        assertEquals(
                Outcome.ALLOWED,
                AccessDecision.decide(
                        true,
                        List.of(EC, HONORAIRE),
                        () -> Optional.of(entry(RegisterList.HONORAIRE, RegisterStatus.INSCRIT))));
    }

    @Test
    void theRegisterIsReadOnceAndOnlyWhenNeeded() {
        AtomicInteger calls = new AtomicInteger();
        AccessDecision.decide(true, List.of(EC), () -> {
            calls.incrementAndGet();
            return Optional.empty();
        });
        assertEquals(1, calls.get());
    }

    @Test
    void notGatedAndAllowedLetIn() {
        assertTrue(new AccessDecision(Outcome.NOT_GATED, null).allowed());
        assertTrue(new AccessDecision(Outcome.ALLOWED, "etudiant").allowed());
        assertFalse(new AccessDecision(Outcome.PROFILE_NOT_ALLOWED, "etudiant").allowed());
        assertFalse(new AccessDecision(Outcome.NOT_ON_REGISTER, "expert-comptable").allowed());
    }

    private static Supplier<Optional<RegisterEntry>> failIfCalled() {
        return () -> {
            throw new AssertionError("register looked up although not needed");
        };
    }

    private static OrdreProfile profile(String id, Set<RegisterList> lists) {
        return new OrdreProfile(id, id, id, 10, lists, false, true, false, "group-" + id);
    }

    private static RegisterEntry entry(RegisterList list, RegisterStatus status) {
        return new RegisterEntry(
                "IDF-1", "Nom", null, "Prénom", LocalDate.of(1980, 1, 1), list, "Île-de-France", status, null);
    }
}
