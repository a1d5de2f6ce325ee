package se.stegvis.codes;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

/** Reads the code lists; they change only by migration, so each list is read once. */
@Service
public class ReferenceCodes {

  private final ReferenceCodeRepository repository;
  private final Map<CodeSet, List<ReferenceCode>> cache = new ConcurrentHashMap<>();

  ReferenceCodes(ReferenceCodeRepository repository) {
    this.repository = repository;
  }

  public List<ReferenceCode> list(CodeSet set) {
    return cache.computeIfAbsent(set, s -> repository.findByCodeSet(s).stream()
        .sorted(Comparator.comparingInt(ReferenceCode::sortOrder)).toList());
  }

  public Optional<ReferenceCode> find(CodeSet set, String code) {
    return list(set).stream().filter(c -> c.code().equals(code)).findFirst();
  }

  public String label(CodeSet set, String code) {
    return find(set, code).map(ReferenceCode::label).orElse(code);
  }
}
