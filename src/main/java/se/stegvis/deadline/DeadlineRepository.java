package se.stegvis.deadline;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DeadlineRepository extends JpaRepository<Deadline, Long> {

  List<Deadline> findByCaseIdOrderByDueAt(Long caseId);

  Optional<Deadline> findByTaskId(String taskId);

  int countByCaseIdAndKind(Long caseId, String kind);

  List<Deadline> findByCaseIdAndStateAndDueAtLessThanEqual(Long caseId, DeadlineState state, Instant at);

  List<Deadline> findByStateIn(Collection<DeadlineState> states);
}
