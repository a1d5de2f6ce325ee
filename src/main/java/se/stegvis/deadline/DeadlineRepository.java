package se.stegvis.deadline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DeadlineRepository extends JpaRepository<Deadline, Long> {

  List<Deadline> findByCaseIdOrderByDueAt(Long caseId);

  Optional<Deadline> findByTaskId(String taskId);

  int countByCaseIdAndKind(Long caseId, String kind);

  List<Deadline> findByCaseIdAndStateAndDueAtLessThanEqual(Long caseId, DeadlineState state, Instant at);

  List<Deadline> findByStateAndEscalatedAtIsNullAndDueAtLessThanEqualAndReminderSentAtIsNull(DeadlineState state,
      Instant dueBefore);

  List<Deadline> findByStateAndEscalatedAtIsNotNullAndManagerNotifiedAtIsNull(DeadlineState state);

  /** Claims the reminder of one deadline; 0 when another node (or an earlier run) sent it. */
  @Modifying
  @Query("update Deadline d set d.reminderSentAt = :at where d.id = :id and d.reminderSentAt is null")
  int claimReminder(@Param("id") Long id, @Param("at") Instant at);

  @Modifying
  @Query("update Deadline d set d.managerNotifiedAt = :at where d.id = :id and d.managerNotifiedAt is null")
  int claimManagerNotice(@Param("id") Long id, @Param("at") Instant at);
}
