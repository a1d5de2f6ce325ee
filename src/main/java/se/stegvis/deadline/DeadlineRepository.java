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

  // These three in JPQL rather than derived from their names: Hibernate keeps the plan of a JPQL
  // string, a derived query is built and translated anew on every call, and these run for every
  // task created, completed or deleted and every escalation.
  @Query("select d from Deadline d where d.taskId = :taskId")
  Optional<Deadline> findByTaskId(@Param("taskId") String taskId);

  @Query("select count(d) from Deadline d where d.caseId = :caseId and d.kind = :kind")
  int countByCaseIdAndKind(@Param("caseId") Long caseId, @Param("kind") String kind);

  @Query("select d from Deadline d where d.caseId = :caseId and d.state = :state and d.dueAt <= :at")
  List<Deadline> findByCaseIdAndStateAndDueAtLessThanEqual(@Param("caseId") Long caseId,
      @Param("state") DeadlineState state, @Param("at") Instant at);

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
