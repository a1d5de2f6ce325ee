package se.stegvis.casefile;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProjectRepository extends JpaRepository<Project, Long> {
  Optional<Project> findByCode(String code);

  List<Project> findByActiveTrueOrderByCode();
}
