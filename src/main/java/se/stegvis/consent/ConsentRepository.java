package se.stegvis.consent;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ConsentRepository extends JpaRepository<Consent, Long> {
  // JPQL rather than a query derived from the name: Hibernate keeps the plan of a JPQL string,
  // a derived query is built and translated anew on every call (this one runs for every decision notification).
  @Query("select c from Consent c where c.caseId = :caseId")
  List<Consent> findByCaseId(@Param("caseId") Long caseId);
}
