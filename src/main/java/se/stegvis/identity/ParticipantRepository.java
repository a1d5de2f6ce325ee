package se.stegvis.identity;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ParticipantRepository extends JpaRepository<Participant, Long> {
  Optional<Participant> findByIdentityNumber(String identityNumber);
}
