package se.stegvis.referral;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ReferralRepository extends JpaRepository<Referral, Long> {
  // JPQL rather than a query derived from the name: Hibernate keeps the plan of a JPQL string,
  // a derived query is built and translated anew on every call (this one runs twice per intake decision).
  @Query("select r from Referral r where r.caseId = :caseId")
  Optional<Referral> findByCaseId(@Param("caseId") Long caseId);
}
