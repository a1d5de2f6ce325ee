package se.stegvis.placement;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface EmployerRepository extends JpaRepository<Employer, Long> {

  Optional<Employer> findByOrganisationNumber(String organisationNumber);
}
