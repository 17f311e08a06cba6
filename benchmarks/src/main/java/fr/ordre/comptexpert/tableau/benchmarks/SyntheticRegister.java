package fr.ordre.comptexpert.tableau.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.keycloak.Config;

/**
 * Writes a register CSV of the size of a full Tableau (all lists) with a realistic mix: common surnames
 * skewed like real ones (many Martin, few of the rest), a long tail of rarer names, particles, compound
 * names, usage names, and so homonyms; Müller has two index keys (muller, mueller); every other entry
 * has an email on file. Deterministic for a given seed.
 */
final class SyntheticRegister {

    static final int ENTRIES = 100_000;

    /** A lookup as a person would type it: the name possibly without accents or in capitals. */
    record Query(String nom, LocalDate birthDate, String numero) {}

    private static final String[] COMMON =
            ("Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon "
                            + "Michel Lefèvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau "
                            + "Vincent Müller Lefebvre Faure André Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand Gauthier "
                            + "Garcia Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu Gautier Masson Marchand Duval Denis "
                            + "Dumont Marie Lemaire Noël Meyer Dufour Meunier Brun Blanchard Giraud Joly Rivière Lucas Brunet Gaillard "
                            + "Barbier Arnaud Martinez Gérard Roche Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger Fabre "
                            + "Aubert Lemoine Renaud Dumas Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey Leclerc Payet Rolland "
                            + "Leclercq Guillaume Lecomte Lopez Jean Dupuy Guillot Hubert Berger Carpentier Sanchez Dupuis Moulin "
                            + "Louis Deschamps Huet Vasseur Perez Boucher Fleury Royer Klein Jacquet Adam Paris Poirier Marty Aubry "
                            + "Guyot Carré Charles Renault Charpentier Ménard Maillard Baron Bertin Bailly Hervé Schneider Fernandez "
                            + "Le_Gall Collet Léger Bouvier Julien Prévost Millet Perrot Daniel Le_Roux Cousin Germain Breton Besson "
                            + "Langlois Rémy Le_Goff Pelletier Lévêque Perrier Leblanc Barré Lebrun Marchal Weber Mallet Hamon Boulanger "
                            + "Jacob Monnier Michaud Rodriguez Guichard Gillet Étienne Grondin Poulain Tessier Chevallier Collin "
                            + "Chauvin Da_Silva Bouchet Gay Lemaître Bénard Maréchal Humbert Reynaud Antoine Hoarau Perret Barthélemy "
                            + "Cordier Pichon Lejeune Gilbert Lamy Delaunay Pasquier Carlier Laporte")
                    .replace(' ', ',')
                    .replace('_', ' ')
                    .split(",");

    private static final String[] PARTICLES = {
        "de ", "de La ", "d'", "Le ", "La ", "du ", "Des ", "N'", "Van ", "Ben ", "Da "
    };
    private static final String[] SYLLABLES =
            ("ber nar mar tin dou val lé fè vre mon ti cha ri gau thier rou sel fon tai ne "
                            + "bou chet lan gla dé guer ro pi card jo li ver gne ker moal quin bris lac ouet vau tho mas œu")
                    .split(" ");
    private static final String[] PRENOMS =
            ("Marie Anne Claire Sophie Camille Julie Nathalie Isabelle Hélène Gaëlle Chloé "
                            + "Zoé Léa Anaïs Aurélie Émilie Lætitia Inès Agnès Noémie Jean Pierre Michel Philippe Alain Nicolas Julien "
                            + "Thomas Stéphane Frédéric Clément Hervé Benoît Loïc Joël Raphaël Jérôme Éric François Paul-Antoine "
                            + "Jean-Marc Marie-Hélène Anne-Sophie João Yannick Édouard")
                    .split(" ");
    private static final String[] REGIONS = {
        "ARA", "AUV", "BFC", "BRE", "CVL", "COR", "GES", "LOR", "CHA", "HDF", "IDF", "NOR", "NAQ", "LPC", "OCC", "LRO",
        "PDL", "PAC", "GLP", "MTQ", "GUF", "REU", "MYT"
    };
    private static final String[] LISTS = {
        "expert-comptable",
        "expert-comptable",
        "expert-comptable",
        "expert-comptable",
        "expert-comptable",
        "stagiaire",
        "stagiaire",
        "memorialiste",
        "expert-comptable-entreprise",
        "agc-83-ter",
        "agc-83-quater",
        "honoraire",
        "membre-ece"
    };

    private SyntheticRegister() {}

    /** Writes {@code entries} lines to {@code file} and returns {@code queries} lookups of entries that exist. */
    static List<Query> write(Path file, int entries, int queries, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<Query> sample = new ArrayList<>(queries);
        int every = Math.max(1, entries / queries);
        long firstDay = LocalDate.of(1940, 1, 1).toEpochDay();
        int days = (int) (LocalDate.of(2002, 12, 31).toEpochDay() - firstDay);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("numero_inscription;nom;nom_usage;prenoms;date_naissance;liste;conseil_regional;statut;email\n");
            for (int i = 0; i < entries; i++) {
                String numero = REGIONS[random.nextInt(REGIONS.length)] + '-' + (100_000 + i);
                String nom = surname(random);
                String usage = random.nextInt(10) == 0 ? surname(random) : "";
                String prenoms = PRENOMS[random.nextInt(PRENOMS.length)]
                        + (random.nextInt(5) == 0 ? " " + PRENOMS[random.nextInt(PRENOMS.length)] : "");
                LocalDate born = LocalDate.ofEpochDay(firstDay + random.nextInt(days));
                String statut = random.nextInt(20) == 0 ? (random.nextBoolean() ? "suspendu" : "radie") : "inscrit";
                // From the index, not the random sequence: the same people as before the column existed.
                String email = i % 2 == 0 ? "membre" + i + "@cabinet-" + (i % 5_000) + ".fr" : "";
                out.write(numero + ';' + nom + ';' + usage + ';' + prenoms + ';' + born + ';'
                        + LISTS[random.nextInt(LISTS.length)] + ";Conseil " + numero.substring(0, 3) + ';' + statut
                        + ';' + email + '\n');
                if (i % every == 0 && sample.size() < queries) {
                    String typed = usage.isEmpty() || random.nextBoolean() ? nom : usage;
                    sample.add(new Query(
                            asTyped(typed, random),
                            born,
                            random.nextBoolean() ? numero : numero.toLowerCase(Locale.ROOT)));
                }
            }
        }
        return sample;
    }

    /** Zipf-like over the common names for half the people, a long synthetic tail for the rest. */
    private static String surname(SplittableRandom random) {
        String base;
        if (random.nextBoolean()) {
            // 1/rank weighting, sampled by inverse transform over a harmonic series.
            double u = random.nextDouble() * Math.log(COMMON.length + 1.0);
            base = COMMON[Math.min(COMMON.length - 1, (int) Math.exp(u) - 1)];
        } else {
            StringBuilder sb = new StringBuilder();
            for (int s = 2 + random.nextInt(2); s > 0; s--) {
                sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
            base = (random.nextInt(8) == 0 ? PARTICLES[random.nextInt(PARTICLES.length)] : "") + sb;
        }
        return random.nextInt(20) == 0 ? base + '-' + COMMON[random.nextInt(COMMON.length)] : base;
    }

    private static String asTyped(String nom, SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> nom.toUpperCase(Locale.ROOT);
            case 1 -> Normalizer.normalize(nom, Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "")
                    .replace('-', ' ')
                    .toLowerCase(Locale.ROOT);
            default -> nom;
        };
    }

    /** The options the server would pass as --spi-ordre-tableau-register--file--*. */
    static Config.Scope config(Path file, int reloadIntervalSeconds) {
        Map<String, String> values =
                Map.of("path", file.toString(), "reload-interval", String.valueOf(reloadIntervalSeconds));
        return new Config.AbstractScope() {
            @Override
            public String get(String key) {
                return values.get(key);
            }

            @Override
            public Config.Scope scope(String... scope) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.util.Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public Config.Scope root() {
                return this;
            }
        };
    }
}
