package se.stegvis.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MeetingRepository extends JpaRepository<Meeting, Long> {
  List<Meeting> findByCaseIdOrderBySequence(Long caseId);

  Optional<Meeting> findFirstByCaseIdAndHeldOn(Long caseId, LocalDate heldOn);

  int countByCaseId(Long caseId);
}
