package se.stegvis.casefile;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProjectGoalRepository extends JpaRepository<ProjectGoal, Long> {
  List<ProjectGoal> findByProjectId(Long projectId);
}
