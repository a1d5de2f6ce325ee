package se.stegvis.identity;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ParticipantRepository extends JpaRepository<Participant, Long> {
  /** The person's row, locked until the transaction ends: one registration per person at a time. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Participant p where p.identityNumber = :identityNumber")
  Optional<Participant> findLockedByIdentityNumber(String identityNumber);
}
