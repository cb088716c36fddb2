import { describe, expect, it } from 'vitest';
import { sameName } from './name-match.js';

describe('sameName (domain.md §5)', () => {
  it('ignores tone-mark placement, Unicode normalisation, case and đ/Đ', () => {
    const thuyOld = 'Nguyễn Thị Th\u1EE7y'; // "Thủy": hook above on the u
    const thuyNew = 'Nguyễn Thị Thu\u1EF7'; // "Thuỷ": hook above on the y
    expect([
      sameName(thuyOld, thuyNew),
      sameName('Hòa', 'Hoà'),
      sameName('Nguyễn Văn An'.normalize('NFD'), 'Nguyễn Văn An'.normalize('NFC')),
      sameName('Đặng Văn Đức', 'dang van duc'),
      sameName('ĐẶNG VĂN ĐỨC', 'Đặng  Văn   Đức '),
      sameName('Trần Thị Bình', 'TRAN THI BINH'),
    ]).toEqual([true, true, true, true, true, true]);
  });

  it('tells a different middle or given name, and a y/i variant, apart', () => {
    expect([
      sameName('Nguyễn Văn An', 'Nguyễn Hữu An'),
      sameName('Nguyễn Văn An', 'Nguyễn Văn Anh'),
      sameName('Lê Thị Vy', 'Lê Thị Vi'),
      sameName('Lê Thị Vy', 'Trần Thị Vy'),
    ]).toEqual([false, false, false, false]);
  });

  it('allows a missing middle name', () => {
    expect([sameName('Nguyễn An', 'Nguyễn Văn An'), sameName('Nguyễn Văn Thành An', 'NGUYEN AN'), sameName('Nguyễn An', 'Trần Văn An')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('allows truncation to a holder-name field only when asked, and only from 20 characters', () => {
    const full = 'Tôn Nữ Thị Phương Thảo Nguyên';
    expect([
      sameName(full, 'TON NU THI PHUONG THAO NG', { allowTruncation: true }),
      sameName(full, 'TON NU THI PHUONG THAO NG'),
      sameName('Nguyễn Văn An', 'NGUYEN VAN', { allowTruncation: true }),
    ]).toEqual([true, false, false]);
  });
});
