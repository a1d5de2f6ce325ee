package se.stegvis.casefile;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseFileRepository extends JpaRepository<CaseFile, Long> {

  Optional<CaseFile> findByCaseNumber(String caseNumber);

  Optional<CaseFile> findByProcessInstanceId(String processInstanceId);

  List<CaseFile> findByParticipantIdAndProjectId(Long participantId, Long projectId);
}
