package se.stegvis.placement;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlacementVisitRepository extends JpaRepository<PlacementVisit, Long> {

  int countByPlacementId(Long placementId);

  List<PlacementVisit> findByPlacementIdOrderBySequence(Long placementId);
}
