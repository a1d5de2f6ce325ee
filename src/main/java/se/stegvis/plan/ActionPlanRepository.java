package se.stegvis.plan;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ActionPlanRepository extends JpaRepository<ActionPlan, Long> {
  List<ActionPlan> findByCaseId(Long caseId);
}
