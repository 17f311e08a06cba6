package fr.ordre.comptexpert.registration;

import java.time.LocalDate;

/**
 * Step 1's answers, validated: the profile chosen and who the person says they are. The birth date and the
 * numéro d'inscription (optional, canonical form) are asked of Tableau profiles only, else null.
 */
record Identity(
        String profileId, String detail, String nom, String prenom, LocalDate birthDate, String email, String numero) {}
