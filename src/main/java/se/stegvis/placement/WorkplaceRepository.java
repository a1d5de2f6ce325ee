package se.stegvis.placement;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface WorkplaceRepository extends JpaRepository<Workplace, Long> {

  /** Locks the workplace while a placement takes one of its places, so two matches cannot both take the last. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select w from Workplace w where w.id = :id")
  Optional<Workplace> findForUpdate(Long id);

  List<Workplace> findByActiveTrueAndSector(String sector);

  @Query("select w from Workplace w join fetch w.employer order by w.area, w.name")
  List<Workplace> findAllWithEmployer();
}
