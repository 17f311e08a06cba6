package fr.ordre.comptexpert.tableau.file;

import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.TableauRegister;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Per-session view of the factory's current index; holds no state of its own. */
final class FileTableauRegister implements TableauRegister {

    private final FileTableauRegisterFactory factory;

    FileTableauRegister(FileTableauRegisterFactory factory) {
        this.factory = factory;
    }

    @Override
    public List<RegisterEntry> findByNameAndBirthDate(String nom, LocalDate birthDate) {
        return factory.currentIndex().findByNameAndBirthDate(nom, birthDate);
    }

    @Override
    public Optional<RegisterEntry> findByNumero(String numero) {
        return factory.currentIndex().findByNumero(numero);
    }
}
