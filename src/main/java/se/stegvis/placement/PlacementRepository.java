package se.stegvis.placement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PlacementRepository extends JpaRepository<Placement, Long> {

  Optional<Placement> findByProcessInstanceId(String processInstanceId);

  List<Placement> findByCaseIdOrderBySequence(Long caseId);

  List<Placement> findByPlannedStartBetween(java.time.LocalDate from, java.time.LocalDate to);

  List<Placement> findByCaseIdInOrderBySequence(Collection<Long> caseIds);

  boolean existsByCaseIdAndStatusIn(Long caseId, Collection<PlacementStatus> statuses);

  int countByCaseId(Long caseId);

  int countByWorkplaceIdAndStatusIn(Long workplaceId, Collection<PlacementStatus> statuses);

  /** Places taken per workplace: rows of (workplace id, count). */
  @Query("select p.workplaceId, count(p) from Placement p where p.status in :statuses group by p.workplaceId")
  List<Object[]> countTakenByWorkplace(Collection<PlacementStatus> statuses);
}
