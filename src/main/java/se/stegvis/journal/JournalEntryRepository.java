package se.stegvis.journal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface JournalEntryRepository extends JpaRepository<JournalEntry, Long> {

  List<JournalEntry> findByCaseIdOrderByOccurredOnAscIdAsc(Long caseId);

  boolean existsByCorrectsId(Long correctsId);
}
