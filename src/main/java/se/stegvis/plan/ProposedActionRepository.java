package se.stegvis.plan;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProposedActionRepository extends JpaRepository<ProposedAction, Long> {
  List<ProposedAction> findByCaseId(Long caseId);
}
