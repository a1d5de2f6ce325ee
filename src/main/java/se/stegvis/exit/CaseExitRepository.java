package se.stegvis.exit;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseExitRepository extends JpaRepository<CaseExit, Long> {
  Optional<CaseExit> findByCaseId(Long caseId);
}
