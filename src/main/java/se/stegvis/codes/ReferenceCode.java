package se.stegvis.codes;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "reference_code")
@IdClass(ReferenceCode.Key.class)
public class ReferenceCode {

  public record Key(CodeSet codeSet, String code) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Enumerated(EnumType.STRING)
  @Column(name = "code_set")
  private CodeSet codeSet;

  @Id
  private String code;

  private String label;

  @Column(name = "sort_order")
  private int sortOrder;

  protected ReferenceCode() {
  }

  public CodeSet codeSet() {
    return codeSet;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public int sortOrder() {
    return sortOrder;
  }
}
