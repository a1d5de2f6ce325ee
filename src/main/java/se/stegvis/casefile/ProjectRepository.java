package se.stegvis.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProjectRepository extends JpaRepository<Project, Long> {
  // JPQL rather than a query derived from the name: Hibernate keeps the plan of a JPQL string,
  // a derived query is built and translated anew on every call (this one runs for every referral).
  @Query("select p from Project p where p.code = :code")
  Optional<Project> findByCode(@Param("code") String code);

  List<Project> findByActiveTrueOrderByCode();

  /**
   * Which of these groups are a project's manager group: the manager role of a caller
   * ({@link CaseAccess#viewer()}), asked per API call that needs it, so one statement outside a
   * transaction rather than reading every project.
   */
  @Query("select distinct p.managerGroup from Project p where p.managerGroup in :groups")
  List<String> managerGroupsAmong(@Param("groups") Collection<String> groups);
}
