package se.stegvis.attachment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file a case record takes, told by their first bytes (magic numbers), never by the
 * file's name or the type the browser declares: a program renamed to .pdf is still a program.
 */
enum AttachmentType {
  PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
  PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
  JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

  private final String mediaType;
  private final byte[] magic;

  AttachmentType(String mediaType, byte[] magic) {
    this.mediaType = mediaType;
    this.magic = magic;
  }

  String mediaType() {
    return mediaType;
  }

  static Optional<AttachmentType> of(byte[] content) {
    return Arrays.stream(values()).filter(t -> content.length >= t.magic.length
        && Arrays.equals(content, 0, t.magic.length, t.magic, 0, t.magic.length)).findFirst();
  }
}
