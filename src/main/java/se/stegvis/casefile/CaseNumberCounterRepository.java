package se.stegvis.casefile;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface CaseNumberCounterRepository extends JpaRepository<CaseNumberCounter, CaseNumberCounter.Key> {
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<CaseNumberCounter> findWithLockByProjectIdAndYear(Long projectId, Integer year);
}
