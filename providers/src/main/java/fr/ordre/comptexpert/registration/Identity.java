package fr.ordre.comptexpert.registration;

import java.time.LocalDate;

/** Step 1's answers, validated: the profile chosen and who the person says they are. */
record Identity(String profileId, String detail, String nom, String prenom, LocalDate birthDate, String email) {
}
