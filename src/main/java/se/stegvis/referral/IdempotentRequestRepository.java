package se.stegvis.referral;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface IdempotentRequestRepository extends JpaRepository<IdempotentRequest, String> {

  @Modifying
  @Query("delete from IdempotentRequest r where r.createdAt < :before")
  int deleteCreatedBefore(Instant before);
}
