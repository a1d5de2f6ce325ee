package se.stegvis.referral;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReferralRepository extends JpaRepository<Referral, Long> {
  Optional<Referral> findByCaseId(Long caseId);
}
