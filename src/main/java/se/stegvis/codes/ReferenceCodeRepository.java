package se.stegvis.codes;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReferenceCodeRepository extends JpaRepository<ReferenceCode, ReferenceCode.Key> {
  List<ReferenceCode> findByCodeSet(CodeSet codeSet);
}
